// What `topology.optimization` changes in a design's plan: the design is planned both ways and
// the two describe() texts and internal topics compared.
import { planGraph } from '@topology-studio/engine'
import type { PhysicalPlan, TopologyGraph } from '@topology-studio/shared'
import { lineDiff, type DiffLine } from './line-diff'

export const OPTIMIZATION_KEY = 'topology.optimization'

/** Whether the design asks for any optimization (Kafka Streams' default is none). */
export function isOptimized(graph: TopologyGraph): boolean {
  const value = graph.config[OPTIMIZATION_KEY]
  return value !== undefined && String(value).trim() !== '' && String(value) !== 'none'
}

export interface OptimizationEffect {
  /** Sentences such as `2 sub-topologies instead of 3`; empty when nothing changes. */
  readonly changes: readonly string[]
  /** describe() without optimization (before) against with all optimizations (after). */
  readonly diff: readonly DiffLine[]
}

function counts(plan: PhysicalPlan) {
  const internal = (type: 'repartition' | 'changelog') =>
    plan.internalTopics.filter((t) => t.type === type).map((t) => t.name)
  return {
    subtopologies: plan.subtopologies.length,
    nodes: plan.nodes.length,
    repartition: internal('repartition'),
    changelog: internal('changelog'),
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Null when the design does not plan (it has errors) either way. */
export function optimizationEffect(graph: TopologyGraph): OptimizationEffect | null {
  const withValue = (value: string) => ({
    ...graph,
    config: { ...graph.config, [OPTIMIZATION_KEY]: value },
  })
  const off = planGraph(withValue('none')).plan
  const on = planGraph(withValue('all')).plan
  if (off === null || on === null) return null
  const before = counts(off)
  const after = counts(on)
  const changes: string[] = []
  if (before.subtopologies !== after.subtopologies) {
    changes.push(
      `${plural(after.subtopologies, 'sub-topology', 'sub-topologies')} instead of ${before.subtopologies}`,
    )
  }
  if (before.nodes !== after.nodes) {
    changes.push(
      `${plural(after.nodes, 'processor node', 'processor nodes')} instead of ${before.nodes}`,
    )
  }
  for (const type of ['repartition', 'changelog'] as const) {
    const dropped = before[type].filter((t) => !after[type].includes(t))
    const added = after[type].filter((t) => !before[type].includes(t))
    if (dropped.length > 0) changes.push(`no ${type} topic ${dropped.join(', ')}`)
    if (added.length > 0) changes.push(`adds ${type} topic ${added.join(', ')}`)
  }
  return { changes, diff: lineDiff(off.describe, on.describe) }
}
