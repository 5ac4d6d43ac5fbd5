// Every topic a planned topology touches, grouped the way an operator provisions them: topics
// the user owns (read and written) and the internal topics Kafka Streams creates.
import type { PhysicalPlan } from '@topology-studio/shared'

export interface PlannedTopic {
  /** The name on the cluster: internal topics are prefixed with the application id. */
  readonly name: string
  /** Where the topic sits in the plan, e.g. `read by sub-topology 1`. */
  readonly role: string
}

export interface PlanTopics {
  readonly sources: readonly PlannedTopic[]
  readonly sinks: readonly PlannedTopic[]
  readonly repartition: readonly PlannedTopic[]
  readonly changelog: readonly PlannedTopic[]
}

const subtopologies = (ids: readonly number[]) =>
  `sub-topolog${ids.length === 1 ? 'y' : 'ies'} ${ids.join(', ')}`

/**
 * The topics of a plan. Internal topics are named `<application id>-<name>` on the cluster; for a
 * plan without a known application (an imported describe() text) `applicationId` is null and the
 * names are those describe() prints.
 */
export function planTopics(plan: PhysicalPlan, applicationId: string | null): PlanTopics {
  const internal = new Set(plan.internalTopics.map((t) => t.name))
  const readers = new Map<string, number[]>()
  const writers = new Map<string, number[]>()
  const add = (into: Map<string, number[]>, topic: string, subtopology: number) => {
    const ids = into.get(topic) ?? []
    if (!ids.includes(subtopology)) into.set(topic, [...ids, subtopology])
  }
  for (const node of plan.nodes) {
    for (const topic of node.topics ?? []) add(readers, topic, node.subtopology)
    if (node.topicPattern !== undefined) add(readers, node.topicPattern, node.subtopology)
    const written = node.topic ?? node.topicExtractor
    if (written !== undefined) add(writers, written, node.subtopology)
  }
  const external = (from: Map<string, number[]>, verb: string) =>
    [...from.entries()]
      .filter(([name]) => !internal.has(name))
      .map(([name, ids]) => ({ name, role: `${verb} by ${subtopologies(ids)}` }))
  const prefixed = (name: string) => (applicationId === null ? name : `${applicationId}-${name}`)
  return {
    sources: external(readers, 'read'),
    sinks: external(writers, 'written'),
    repartition: plan.internalTopics
      .filter((t) => t.type === 'repartition')
      .map((t) => ({
        name: prefixed(t.name),
        role: `written by ${subtopologies(t.sinkOf ?? [])}, read by ${subtopologies(
          t.sourceOf === undefined ? [] : [t.sourceOf],
        )}`,
      })),
    changelog: plan.stores.flatMap((store) =>
      store.changelogTopic === undefined
        ? []
        : [{ name: prefixed(store.changelogTopic), role: `backs store ${store.name}` }],
    ),
  }
}
