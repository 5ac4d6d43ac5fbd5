import { z } from 'zod'
import { FunctionParamSchema } from '../function-param'
import { SerdeSchema } from '../serde'

// Durations are plain numbers of milliseconds; their ranges are checked by validateGraph.

const name = z.string().optional()
const storeName = z.string().optional()
const graceMs = z.number().optional()

/** `groupBy`; `valueSelector` only applies when grouping a KTable. */
export const GroupByParamsSchema = z.strictObject({
  keySelector: FunctionParamSchema,
  valueSelector: FunctionParamSchema.optional(),
  name,
})
export type GroupByParams = z.infer<typeof GroupByParamsSchema>

/** The window of `windowedBy`: `TimeWindows` (tumbling or hopping), `SlidingWindows`, `SessionWindows`. */
export const WindowSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tumbling'), sizeMs: z.number(), graceMs }),
  z.strictObject({
    type: z.literal('hopping'),
    sizeMs: z.number(),
    advanceMs: z.number(),
    graceMs,
  }),
  z.strictObject({ type: z.literal('sliding'), timeDifferenceMs: z.number(), graceMs }),
  z.strictObject({ type: z.literal('session'), inactivityGapMs: z.number(), graceMs }),
])
export type Window = z.infer<typeof WindowSchema>
export type WindowType = Window['type']

/** `windowedBy(windows)` on a KGroupedStream. */
export const WindowedByParamsSchema = z.strictObject({ window: WindowSchema })
export type WindowedByParams = z.infer<typeof WindowedByParamsSchema>

/** `count(Named, Materialized)`. */
export const CountParamsSchema = z.strictObject({ name, storeName })
export type CountParams = z.infer<typeof CountParamsSchema>

/** `reduce(reducer)`, or `reduce(adder, subtractor)` on a KGroupedTable. */
export const ReduceParamsSchema = z.strictObject({
  reducer: FunctionParamSchema,
  subtractor: FunctionParamSchema.optional(),
  name,
  storeName,
})
export type ReduceParams = z.infer<typeof ReduceParamsSchema>

/** `aggregate(initializer, aggregator[, merger | subtractor])`. */
export const AggregateParamsSchema = z.strictObject({
  initializer: FunctionParamSchema,
  aggregator: FunctionParamSchema,
  subtractor: FunctionParamSchema.optional(),
  merger: FunctionParamSchema.optional(),
  name,
  storeName,
  valueSerde: SerdeSchema.optional(),
})
export type AggregateParams = z.infer<typeof AggregateParamsSchema>

/** One grouped stream of a `cogroup`: the input port it arrives on, and how it folds in. */
export const CogroupInputSchema = z.strictObject({
  id: z.string().min(1),
  aggregator: FunctionParamSchema,
})
export type CogroupInput = z.infer<typeof CogroupInputSchema>

/**
 * `g1.cogroup(agg1).cogroup(g2, agg2)…[.windowedBy(window)].aggregate(initializer[, merger])`:
 * several grouped streams folded into one aggregate, each by its own aggregator.
 */
export const CogroupParamsSchema = z.strictObject({
  inputs: z.array(CogroupInputSchema).min(1),
  initializer: FunctionParamSchema,
  window: WindowSchema.optional(),
  /** Session windows only: how two sessions' aggregates combine when they merge. */
  merger: FunctionParamSchema.optional(),
  name,
  storeName,
  valueSerde: SerdeSchema.optional(),
})
export type CogroupParams = z.infer<typeof CogroupParamsSchema>

/** `toTable(Named, Materialized)`. */
export const ToTableParamsSchema = z.strictObject({ name, storeName })
export type ToTableParams = z.infer<typeof ToTableParamsSchema>

const bufferConfig = {
  maxRecords: z.number().optional(),
  maxBytes: z.number().optional(),
  whenFull: z.enum(['emitEarly', 'shutDown']).optional(),
  name,
}

/** `suppress(Suppressed.untilWindowCloses(...) | untilTimeLimit(...))` with its buffer config. */
export const SuppressParamsSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('untilWindowCloses'), ...bufferConfig }),
  z.strictObject({ mode: z.literal('untilTimeLimit'), timeLimitMs: z.number(), ...bufferConfig }),
])
export type SuppressParams = z.infer<typeof SuppressParamsSchema>
