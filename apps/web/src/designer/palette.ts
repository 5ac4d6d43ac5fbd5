// The palette: every operation a design can hold, grouped as Kafka Streams developers think of
// them, with the presets that tell variants of one kind apart (window types, join sides).
import type { GraphNode, NodeKind } from '@topology-studio/shared'

export interface PaletteItem {
  readonly id: string
  readonly kind: NodeKind
  readonly label: string
  readonly hint: string
  readonly params?: GraphNode['params']
}

export interface PaletteGroup {
  readonly title: string
  readonly items: readonly PaletteItem[]
}

const item = (kind: NodeKind, hint: string, label: string = kind): PaletteItem => ({
  id: label === kind ? kind : `${kind}:${label}`,
  kind,
  label,
  hint,
})
const expr = (source: string) => ({ lang: 'expression' as const, source })

export const PALETTE_GROUPS: readonly PaletteGroup[] = [
  {
    title: 'Sources',
    items: [
      item('stream', 'KStream from topics', 'stream'),
      item('table', 'KTable from a topic', 'table'),
      item('globalTable', 'GlobalKTable, on every instance', 'global table'),
    ],
  },
  {
    title: 'Stateless',
    items: [
      item('filter', 'Keep records that match'),
      item('filterNot', 'Drop records that match'),
      item('map', 'New key and value (repartitions downstream)'),
      item('mapValues', 'New value, same key'),
      item('flatMap', 'Zero or more records (key may change)'),
      item('flatMapValues', 'Zero or more values, same key'),
      item('selectKey', 'New key (repartitions downstream)'),
      item('peek', 'Look at records, pass them on'),
      item('split', 'Branch by predicates', 'split / branch'),
      item('merge', 'Merge streams'),
      item('repartition', 'Repartition through a topic'),
    ],
  },
  {
    title: 'Grouping and aggregation',
    items: [
      item('groupByKey', 'Group by the current key'),
      item('groupBy', 'Group by a new key (repartitions)'),
      item('cogroup', 'Fold several grouped streams into one aggregate'),
      item('count', 'Count per key'),
      item('reduce', 'Combine values per key'),
      item('aggregate', 'Fold values into an aggregate'),
      item('toTable', 'Stream to table'),
      item('toStream', 'Table changes as a stream'),
    ],
  },
  {
    title: 'Windows',
    items: [
      {
        ...item('windowedBy', 'Fixed, non-overlapping windows', 'tumbling window'),
        params: { window: { type: 'tumbling', sizeMs: 60_000, graceMs: 0 } },
      },
      {
        ...item('windowedBy', 'Fixed windows that overlap', 'hopping window'),
        params: { window: { type: 'hopping', sizeMs: 60_000, advanceMs: 10_000, graceMs: 0 } },
      },
      {
        ...item('windowedBy', 'Windows around each record', 'sliding window'),
        params: { window: { type: 'sliding', timeDifferenceMs: 60_000, graceMs: 0 } },
      },
      {
        ...item('windowedBy', 'Activity separated by gaps', 'session window'),
        params: { window: { type: 'session', inactivityGapMs: 300_000, graceMs: 0 } },
      },
    ],
  },
  {
    title: 'Joins',
    items: [
      {
        ...item('join', 'Two streams within a time window', 'stream-stream join'),
        params: {
          joinType: 'inner',
          joiner: expr('value'),
          window: { beforeMs: 5_000, afterMs: 5_000, graceMs: 0 },
        },
      },
      item('join', 'Enrich a stream from a table', 'stream-table join'),
      {
        ...item('join', 'Enrich from a global table by a key', 'stream-global table join'),
        params: { joinType: 'inner', joiner: expr('value'), keySelector: expr('key') },
      },
      item('join', 'Join two tables on their key', 'table-table join'),
      {
        ...item('join', 'Look up a table by a key in each value', 'foreign-key join'),
        params: { joinType: 'inner', joiner: expr('value'), foreignKey: expr('value.id') },
      },
    ],
  },
  {
    title: 'Control',
    items: [
      item('suppress', 'Hold results until the window closes'),
      item('process', 'Custom processor with stores', 'custom processor'),
    ],
  },
  {
    title: 'Sinks',
    items: [item('sink', 'Write to a topic', 'to (sink)'), item('foreach', 'Act on each record')],
  },
]

export const PALETTE_ITEMS: ReadonlyMap<string, PaletteItem> = new Map(
  PALETTE_GROUPS.flatMap((group) => group.items.map((i) => [i.id, i] as const)),
)

/** Palette items whose name or hint contains the query (case-insensitive), in palette order. */
export function findPaletteItems(query: string): PaletteItem[] {
  const wanted = query.trim().toLowerCase()
  return [...PALETTE_ITEMS.values()].filter(
    (i) => wanted === '' || `${i.label} ${i.hint}`.toLowerCase().includes(wanted),
  )
}
