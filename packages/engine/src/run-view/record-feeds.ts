// The records a run sends the page besides its numbers: what passed a tapped node, where each
// followed key went, and records skipped with a warning. One implementation for a run on a
// cluster and for the simulator.
import type { RunFollow, SkippedRecord } from '@topology-studio/shared'
import { oldestFirst, type NodeRecord, type RuntimeWarning } from '../telemetry/node-telemetry'
import { keyText, nodeRecordJson } from './json-safe'
import type { LogicalNodeShape } from './logical-metrics'

/** Latest records kept, and sent, for each tapped design node. */
export const TAP_CAPACITY = 100
/** Latest records of a followed key kept at each design node. */
export const FOLLOW_CAPACITY = 20
/** Skipped records sent with each metrics update; a flood of failures sends its first ones. */
export const SKIPPED_PER_UPDATE = 20

/** Where a run's records are kept per processor node: a KafkaStreams or a TopologySimulator. */
export interface RecordFeeds {
  tapped(node: string): NodeRecord[]
  followed(node: string): NodeRecord[]
}

/** The latest records through a design node, across its entry processors, oldest first. */
export function tapRecords(feeds: RecordFeeds, entries: readonly string[]): NodeRecord[] {
  return oldestFirst(entries.flatMap((node) => feeds.tapped(node)))
    .slice(-TAP_CAPACITY)
    .map(nodeRecordJson)
}

/** Each followed key's latest records at every design node it reached. */
export function keyPaths(
  feeds: RecordFeeds,
  shapes: readonly Pick<LogicalNodeShape, 'nodeId' | 'all'>[],
  keys: Iterable<string>,
): Omit<RunFollow, 'runId'>[] {
  const byNode = shapes.map((shape) => ({
    nodeId: shape.nodeId,
    records: oldestFirst(shape.all.flatMap((node) => feeds.followed(node))),
  }))
  return [...keys].map((key) => ({
    key,
    nodes: byNode.flatMap(({ nodeId, records }) => {
      const mine = records.filter((r) => keyText(r.key) === key).slice(-FOLLOW_CAPACITY)
      return mine.length === 0 ? [] : [{ nodeId, records: mine.map(nodeRecordJson) }]
    }),
  }))
}

/** A record skipped with a warning, as the page lists it under its design node. */
export function skippedRecord(
  warning: RuntimeWarning,
  nodeId: string | null,
  at: number,
): SkippedRecord {
  return {
    nodeId,
    processor: warning.node,
    taskId: warning.taskId,
    reason: warning.reason,
    message: warning.message,
    at,
    record: warning.record === undefined ? null : nodeRecordJson(warning.record),
  }
}
