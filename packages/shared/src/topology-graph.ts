import { z } from 'zod'
import { GraphEdgeSchema } from './graph-edge'
import { GraphNodeSchema } from './node-kinds'

/** The version of the design format this build writes. Bump it together with a new upgrade step. */
export const TOPOLOGY_GRAPH_VERSION = 1

/** A Kafka Streams config value such as `topology.optimization: 'all'`. */
export const StreamsConfigValueSchema = z.union([z.string(), z.number(), z.boolean()])
export type StreamsConfigValue = z.infer<typeof StreamsConfigValueSchema>

/**
 * A design: what the canvas edits, what is saved to disk, what a run starts from and what codegen
 * turns into TypeScript.
 */
export const TopologyGraphSchema = z.strictObject({
  version: z.literal(TOPOLOGY_GRAPH_VERSION),
  name: z.string(),
  applicationId: z.string(),
  config: z.record(z.string(), StreamsConfigValueSchema),
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
})
export type TopologyGraph = z.infer<typeof TopologyGraphSchema>

/** Why a stored design could not be opened. */
export const TOPOLOGY_GRAPH_LOAD_ERROR_CODES = [
  'graph/not-an-object',
  'graph/missing-version',
  'graph/unsupported-version',
  'graph/invalid',
] as const
export type TopologyGraphLoadErrorCode = (typeof TOPOLOGY_GRAPH_LOAD_ERROR_CODES)[number]

export interface TopologyGraphLoadError {
  code: TopologyGraphLoadErrorCode
  message: string
  /** The schema violations, for `graph/invalid`; each names the path of the bad value. */
  issues: z.core.$ZodIssue[]
}

export type MigrateTopologyGraphResult =
  | { ok: true; graph: TopologyGraph; fromVersion: number }
  | { ok: false; error: TopologyGraphLoadError }

type StoredDocument = Record<string, unknown>

// Upgrade step from version `n` to `n + 1`, keyed by `n`. Each step rewrites the stored JSON and
// sets the new version; keep one fixture file per old version to test it.
const UPGRADES: Readonly<Record<number, (document: StoredDocument) => StoredDocument>> = {}

/**
 * Opens a stored design: checks its version, upgrades it step by step to
 * {@link TOPOLOGY_GRAPH_VERSION}, then parses it with {@link TopologyGraphSchema}.
 *
 * @param input - parsed JSON of a design file or request body
 * @returns the design, or an error with a code and a message that says what to do
 */
export function migrateTopologyGraph(input: unknown): MigrateTopologyGraphResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return failure(
      'graph/not-an-object',
      `A design must be a JSON object, but got ${describeValue(input)}.`,
    )
  }
  let document = input as StoredDocument
  const fromVersion = document['version']
  if (fromVersion === undefined) {
    return failure(
      'graph/missing-version',
      `The design has no "version" field; designs of this build have version ${TOPOLOGY_GRAPH_VERSION}.`,
    )
  }
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion)) {
    return failure(
      'graph/unsupported-version',
      `The design's "version" must be a whole number, but got ${describeValue(fromVersion)}.`,
    )
  }
  if (fromVersion > TOPOLOGY_GRAPH_VERSION) {
    return failure(
      'graph/unsupported-version',
      `The design has version ${fromVersion}, which is newer than this build of Topology Studio ` +
        `supports (up to version ${TOPOLOGY_GRAPH_VERSION}). Open it with a newer build.`,
    )
  }
  for (let version = fromVersion; version < TOPOLOGY_GRAPH_VERSION; version++) {
    const upgrade = UPGRADES[version]
    if (!upgrade) {
      return failure(
        'graph/unsupported-version',
        `The design has version ${fromVersion}, which is not a known design version ` +
          `(this build reads version ${TOPOLOGY_GRAPH_VERSION}).`,
      )
    }
    document = upgrade(document)
  }
  const parsed = TopologyGraphSchema.safeParse(document)
  if (!parsed.success) {
    return failure(
      'graph/invalid',
      `The design does not match the version ${TOPOLOGY_GRAPH_VERSION} format:\n` +
        z.prettifyError(parsed.error),
      parsed.error.issues,
    )
  }
  return { ok: true, graph: parsed.data, fromVersion }
}

function failure(
  code: TopologyGraphLoadErrorCode,
  message: string,
  issues: z.core.$ZodIssue[] = [],
): MigrateTopologyGraphResult {
  return { ok: false, error: { code, message, issues } }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`
  return `${typeof value} ${String(value)}`
}
