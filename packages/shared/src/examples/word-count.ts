import type { TopologyGraph } from '../topology-graph'

export interface WordCountTopics {
  readonly input?: string
  readonly output?: string
  readonly applicationId?: string
}

/** Kafka Streams' word count as a design: lines split into words, counted per word. */
export function wordCountDesign(topics: WordCountTopics = {}): TopologyGraph {
  // One column per operation, wide enough for the serdes and repartition markers between them.
  const at = (column: number) => ({ x: column * 300, y: 0 })
  return {
    version: 1,
    name: 'Word count',
    applicationId: topics.applicationId ?? 'word-count',
    // Words and counts are keyed by String; the count store's values are Long (as in Java).
    config: { 'default.key.serde': 'String', 'default.value.serde': 'String' },
    nodes: [
      {
        id: 'lines',
        kind: 'stream',
        label: 'Lines',
        position: at(0),
        params: {
          topics: [topics.input ?? 'text-input'],
          keySerde: 'String',
          valueSerde: 'String',
        },
      },
      {
        id: 'words',
        kind: 'flatMapValues',
        label: 'Split into words',
        position: at(1),
        params: { mapper: { lang: 'expression', source: "split(lower(value), ' ')" } },
      },
      {
        id: 'by-word',
        kind: 'groupBy',
        label: 'Group by word',
        position: at(2),
        params: { keySelector: { lang: 'expression', source: 'value' } },
      },
      {
        id: 'count',
        kind: 'count',
        label: 'Count',
        position: at(3),
        params: { storeName: 'counts' },
      },
      { id: 'changes', kind: 'toStream', position: at(4), params: {} },
      {
        id: 'out',
        kind: 'sink',
        label: 'Word counts',
        position: at(5),
        params: { topic: topics.output ?? 'word-counts', keySerde: 'String', valueSerde: 'Long' },
      },
    ],
    edges: [
      { id: 'lines->words', source: 'lines', target: 'words' },
      { id: 'words->by-word', source: 'words', target: 'by-word' },
      { id: 'by-word->count', source: 'by-word', target: 'count' },
      { id: 'count->changes', source: 'count', target: 'changes' },
      { id: 'changes->out', source: 'changes', target: 'out' },
    ],
  }
}
