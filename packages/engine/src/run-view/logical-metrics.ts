// Physical processor metrics folded into the design nodes that produced them: a node's records
// in are what enters its first processors, its records out what leaves its last ones.
import { parseTaskName } from '../runtime/task-assignment'
import type { MetricsSample } from '../telemetry/node-rates'
import type { NodeRunMetrics, PhysicalPlan, TaskRunMetrics } from '@topology-studio/shared'

export interface LogicalNodeShape {
  readonly nodeId: string
  /** Physical nodes where records enter the design node (after its repartition, if any). */
  readonly entries: readonly string[]
  /** Physical nodes whose records leave the design node, and whether each is a sink. */
  readonly exits: readonly { readonly name: string; readonly sink: boolean }[]
  readonly all: readonly string[]
  /** Each member's successors in its sub-topology: they run inside its `process` call. */
  readonly successors: ReadonlyMap<string, readonly string[]>
}

export function logicalNodeShapes(plan: PhysicalPlan): LogicalNodeShape[] {
  const byName = new Map(plan.nodes.map((n) => [n.name, n]))
  return plan.logicalNodes.map(({ nodeId, physicalNodes }) => {
    const members = new Set(physicalNodes)
    const typeOf = (name: string) => byName.get(name)?.type
    // A node that repartitions (groupBy's count, repartition()) writes its records to an
    // internal topic and reads them back: they enter it, and are counted, where they are read.
    const hop =
      physicalNodes.some((n) => typeOf(n) === 'sink') &&
      physicalNodes.some((n) => typeOf(n) === 'source')
    const entries = physicalNodes.filter((name) => {
      if (hop) return typeOf(name) === 'source'
      const predecessors = byName.get(name)?.predecessors ?? []
      return predecessors.length === 0 || predecessors.some((p) => !members.has(p))
    })
    const exits = physicalNodes
      .filter((name) => {
        if (hop && typeOf(name) === 'sink') return false
        const successors = byName.get(name)?.successors ?? []
        return successors.length === 0 || successors.some((s) => !members.has(s))
      })
      .map((name) => ({ name, sink: typeOf(name) === 'sink' }))
    const successors = new Map(physicalNodes.map((n) => [n, byName.get(n)?.successors ?? []]))
    return { nodeId, entries, exits, all: physicalNodes, successors }
  })
}

export function logicalNodeMetrics(
  shapes: readonly LogicalNodeShape[],
  sample: MetricsSample,
): NodeRunMetrics[] {
  const totals = new Map(sample.nodes.map((n) => [n.node, n]))
  const rates = new Map(sample.rates.map((r) => [r.node, r]))
  const sum = (names: readonly string[], read: (name: string) => number) =>
    names.reduce((total, name) => total + read(name), 0)
  const max = (values: (number | null | undefined)[]) => {
    const known = values.filter((v): v is number => typeof v === 'number')
    return known.length === 0 ? null : Math.max(...known)
  }
  return shapes.map((shape) => {
    const entries = shape.entries
    return {
      nodeId: shape.nodeId,
      recordsIn: sum(entries, (n) => totals.get(n)?.recordsIn ?? 0),
      recordsOut: sumExits(
        shape,
        (n) => totals.get(n)?.recordsIn,
        (n) => totals.get(n)?.recordsOut,
      ),
      recordsInPerSecond: sum(entries, (n) => rates.get(n)?.recordsInPerSecond ?? 0),
      recordsOutPerSecond: sumExits(
        shape,
        (n) => rates.get(n)?.recordsInPerSecond,
        (n) => rates.get(n)?.recordsOutPerSecond,
      ),
      errors: sum(shape.all, (n) => totals.get(n)?.errors ?? 0),
      dropped: sum(shape.all, (n) => totals.get(n)?.dropped ?? 0),
      latencyP50Ms: max(entries.map((n) => rates.get(n)?.latencyP50Ms)),
      latencyP99Ms: max(entries.map((n) => rates.get(n)?.latencyP99Ms)),
      busyMsPerSecond: sum(shape.all, (name) => {
        const inside = rates.get(name)?.processMsPerSecond ?? 0
        const downstream = sum(
          shape.successors.get(name) ?? [],
          (next) => rates.get(next)?.processMsPerSecond ?? 0,
        )
        // Clocks tick in steps: a node never takes less than no time of its own.
        return Math.max(0, inside - downstream)
      }),
    }
  })
}

/** What leaves a design node: a sink writes what it receives, other exits what they forward. */
function sumExits(
  shape: LogicalNodeShape,
  sinkIn: (name: string) => number | undefined,
  forwarded: (name: string) => number | undefined,
): number {
  return shape.exits.reduce(
    (total, exit) => total + ((exit.sink ? sinkIn(exit.name) : forwarded(exit.name)) ?? 0),
    0,
  )
}

export function taskMetrics(sample: MetricsSample): TaskRunMetrics[] {
  return sample.threads.flatMap((thread) =>
    thread.tasks.map((task) => {
      const { subtopology, partition } = parseTaskName(task.id)
      return {
        taskId: task.id,
        subtopology,
        partition,
        thread: thread.name,
        kind: task.kind,
        state: task.state,
        streamTime: task.streamTime,
        partitions: task.partitions.map((p) => ({
          topic: p.topic,
          partition: p.partition,
          position: p.position,
          endOffset: p.endOffset,
          lag: p.lag,
        })),
        restore: task.restore.map((r) => ({ ...r })),
      }
    }),
  )
}
