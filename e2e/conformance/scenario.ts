// The scenario format of the conformance suite (documented in README.md): a design, the records
// to pipe into it, and what to compare at the end.
import { readFileSync } from 'node:fs'
import { migrateTopologyGraph, type TopologyGraph } from '@topology-studio/shared'
import { z } from 'zod'

const JsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
)

const PipeSchema = z.strictObject({
  topic: z.string().min(1),
  key: JsonValueSchema,
  value: JsonValueSchema,
  timestamp: z.number().int().nonnegative(),
  headers: z.array(z.strictObject({ key: z.string(), value: z.string().nullable() })).optional(),
})
export type Pipe = z.infer<typeof PipeSchema>

const StepSchema = z.union([
  z.strictObject({ pipe: PipeSchema }),
  z.strictObject({ advanceWallClock: z.number().int().nonnegative() }),
])
export type Step = z.infer<typeof StepSchema>

const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string(),
  graph: z.unknown(),
  props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  steps: z.array(StepSchema),
  outputs: z.array(z.string().min(1)),
  stores: z.array(z.string().min(1)).optional(),
})

export interface Scenario extends Omit<z.infer<typeof ScenarioSchema>, 'graph'> {
  readonly graph: TopologyGraph
  /** The file it was read from. */
  readonly file: string
}

/** Reads and checks one scenario file; errors name the file and the bad field. */
export function loadScenario(file: string): Scenario {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`)
  }
  const parsed = ScenarioSchema.safeParse(json)
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`)
  const graph = migrateTopologyGraph(parsed.data.graph)
  if (!graph.ok) throw new Error(`${file}: graph: ${graph.error.message}`)
  const functions = JSON.stringify(parsed.data.graph).includes('"lang":"code"')
  if (functions) {
    throw new Error(
      `${file}: graph has JavaScript parameters; scenarios use declarative expressions only`,
    )
  }
  return { ...parsed.data, graph: graph.graph, file }
}
