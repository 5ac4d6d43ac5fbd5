// The example designs that ship with the app, in the order the app offers them.
import type { TopologyGraph } from '../topology-graph'
import { clickEnrichmentDesign } from './click-enrichment'
import { latestPriceDesign } from './latest-price'
import { wordCountDesign } from './word-count'

export interface ExampleDesign {
  readonly id: string
  readonly title: string
  readonly summary: string
  readonly design: () => TopologyGraph
}

export const EXAMPLE_DESIGNS: readonly ExampleDesign[] = [
  {
    id: 'word-count',
    title: 'Word count',
    summary: 'Lines split into words and counted per word: a repartition and a count store.',
    design: () => wordCountDesign(),
  },
  {
    id: 'latest-price',
    title: 'Latest price per ISIN every 2 s',
    summary:
      'Stock trades keyed by ISIN in 2-second tumbling windows, reduced to the latest trade and ' +
      'emitted when each window closes.',
    design: () => latestPriceDesign(),
  },
  {
    id: 'click-enrichment',
    title: 'Click-stream enrichment',
    summary: 'Page views re-keyed by page (a repartition) and left-joined with a table of pages.',
    design: () => clickEnrichmentDesign(),
  },
]
