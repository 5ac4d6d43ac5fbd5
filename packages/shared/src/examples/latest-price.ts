import type { TopologyGraph } from '../topology-graph'

export interface LatestPriceTopics {
  readonly trades?: string
  readonly output?: string
  readonly applicationId?: string
}

/**
 * The last traded price of each security every 2 seconds: stock trades keyed by ISIN, in
 * 2-second tumbling windows with half a second of grace, reduced to the latest trade and emitted
 * once per window when it closes (suppress), as `{ isin, price, windowStart, windowEnd }`.
 */
export function latestPriceDesign(topics: LatestPriceTopics = {}): TopologyGraph {
  // One column per operation, wide enough for the serdes and repartition markers between them.
  const at = (column: number) => ({ x: column * 300, y: 0 })
  return {
    version: 1,
    name: 'Latest price per ISIN every 2 s',
    applicationId: topics.applicationId ?? 'latest-price',
    config: { 'default.key.serde': 'String', 'default.value.serde': 'Json' },
    nodes: [
      {
        id: 'trades',
        kind: 'stream',
        label: 'Stock trades',
        position: at(0),
        params: {
          topics: [topics.trades ?? 'stock-trades'],
          keySerde: 'String',
          valueSerde: 'Json',
        },
      },
      { id: 'by-isin', kind: 'groupByKey', label: 'By ISIN', position: at(1), params: {} },
      {
        id: 'every-2s',
        kind: 'windowedBy',
        label: 'Every 2 seconds',
        position: at(2),
        params: { window: { type: 'tumbling', sizeMs: 2000, graceMs: 500 } },
      },
      {
        id: 'latest',
        kind: 'reduce',
        label: 'Latest trade',
        position: at(3),
        // Trades of a security arrive in order, so the newest record is the latest trade.
        params: { reducer: { lang: 'expression', source: 'value' }, storeName: 'latest-trades' },
      },
      {
        id: 'window-closed',
        kind: 'suppress',
        label: 'When the window closes',
        position: at(4),
        // At most 10 MiB of open windows; a final result per window means it cannot emit early.
        params: {
          mode: 'untilWindowCloses',
          name: 'latest-trade-buffer',
          maxBytes: 10 * 1024 * 1024,
          whenFull: 'shutDown',
        },
      },
      { id: 'changes', kind: 'toStream', position: at(5), params: {} },
      {
        id: 'price',
        kind: 'map',
        label: 'Price per window',
        position: at(6),
        params: {
          key: { lang: 'expression', source: 'key.windowKey' },
          value: {
            lang: 'expression',
            source:
              '{ isin: key.windowKey, price: value.price, windowStart: key.windowValue.startMs, ' +
              'windowEnd: key.windowValue.endMs }',
          },
        },
      },
      {
        id: 'out',
        kind: 'sink',
        label: 'Latest prices',
        position: at(7),
        params: { topic: topics.output ?? 'latest-prices', keySerde: 'String', valueSerde: 'Json' },
      },
    ],
    edges: [
      { id: 'trades->by-isin', source: 'trades', target: 'by-isin' },
      { id: 'by-isin->every-2s', source: 'by-isin', target: 'every-2s' },
      { id: 'every-2s->latest', source: 'every-2s', target: 'latest' },
      { id: 'latest->window-closed', source: 'latest', target: 'window-closed' },
      { id: 'window-closed->changes', source: 'window-closed', target: 'changes' },
      { id: 'changes->price', source: 'changes', target: 'price' },
      { id: 'price->out', source: 'price', target: 'out' },
    ],
  }
}
