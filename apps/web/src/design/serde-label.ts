// How the key and value types of an edge read on the canvas, e.g. `String → Long`, with the
// configured default standing in where the DSL knows no serde.
import type { NodeSerdes } from '@topology-studio/engine'
import type { TopologyGraph } from '@topology-studio/shared'

export interface SerdeLabel {
  /** Short form for the edge, e.g. `String, Long*` (a star marks a default serde). */
  readonly text: string
  /** Long form for the tooltip, saying where each serde comes from. */
  readonly title: string
}

function side(
  name: string | null,
  fallback: string | undefined,
  windowed: boolean,
): { short: string; long: string } {
  const windowedName = name?.match(/^(?:Time|Session)Windowed\((.*)\)$/)?.[1]
  const inner = windowedName ?? name
  const base =
    inner !== null && inner !== undefined
      ? { short: inner, long: inner }
      : fallback !== undefined
        ? { short: `${fallback}*`, long: `${fallback} (the default serde)` }
        : { short: '?', long: 'no serde: none is known and no default is configured' }
  return windowed || windowedName !== undefined
    ? { short: `Windowed<${base.short}>`, long: `Windowed<${base.long}>` }
    : base
}

export function serdeLabel(serdes: NodeSerdes, config: TopologyGraph['config']): SerdeLabel {
  const defaultOf = (key: string) => {
    const value = config[key]
    return value === undefined ? undefined : String(value)
  }
  const key = side(serdes.key, defaultOf('default.key.serde'), serdes.keyWindowed)
  const value = side(serdes.value, defaultOf('default.value.serde'), false)
  return {
    text: `${key.short}, ${value.short}`,
    title: `Key: ${key.long}\nValue: ${value.long}`,
  }
}
