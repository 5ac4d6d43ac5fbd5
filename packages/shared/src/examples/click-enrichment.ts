import type { TopologyGraph } from '../topology-graph'

export interface ClickEnrichmentTopics {
  readonly pageViews?: string
  readonly pages?: string
  readonly output?: string
  readonly applicationId?: string
}

/**
 * Click-stream enrichment: page views keyed by user are re-keyed by page (which makes Kafka
 * Streams repartition them), then left-joined with a table of page details keyed by page, so
 * each view carries its page's title and section (or "unknown" for pages not in the table).
 */
export function clickEnrichmentDesign(topics: ClickEnrichmentTopics = {}): TopologyGraph {
  return {
    version: 1,
    name: 'Click-stream enrichment',
    applicationId: topics.applicationId ?? 'click-enrichment',
    config: { 'default.key.serde': 'String', 'default.value.serde': 'Json' },
    nodes: [
      {
        id: 'views',
        kind: 'stream',
        label: 'Page views',
        position: { x: 0, y: 0 },
        params: {
          topics: [topics.pageViews ?? 'page-views'],
          keySerde: 'String',
          valueSerde: 'Json',
        },
      },
      {
        id: 'by-page',
        kind: 'selectKey',
        label: 'Key by page',
        position: { x: 300, y: 0 },
        params: { keySelector: { lang: 'expression', source: 'value.page' } },
      },
      {
        id: 'pages',
        kind: 'table',
        label: 'Pages',
        position: { x: 300, y: 180 },
        params: {
          topic: topics.pages ?? 'pages',
          storeName: 'pages-store',
          keySerde: 'String',
          valueSerde: 'Json',
        },
      },
      {
        id: 'enrich',
        kind: 'join',
        label: 'Add page details',
        position: { x: 600, y: 0 },
        params: {
          joinType: 'left',
          name: 'enrich-with-page',
          joiner: {
            lang: 'expression',
            source:
              "{ userId: left.userId, page: left.page, viewTime: left.viewTime, title: coalesce(right.title, 'unknown'), " +
              "section: coalesce(right.section, 'unknown') }",
          },
        },
      },
      {
        id: 'out',
        kind: 'sink',
        label: 'Enriched views',
        position: { x: 900, y: 0 },
        params: {
          topic: topics.output ?? 'page-views-enriched',
          keySerde: 'String',
          valueSerde: 'Json',
        },
      },
    ],
    edges: [
      { id: 'views->by-page', source: 'views', target: 'by-page' },
      { id: 'by-page->enrich', source: 'by-page', target: 'enrich', targetPort: 'left' },
      { id: 'pages->enrich', source: 'pages', target: 'enrich', targetPort: 'right' },
      { id: 'enrich->out', source: 'enrich', target: 'out' },
    ],
  }
}
