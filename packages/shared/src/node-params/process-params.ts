import { z } from 'zod'
import { FunctionParamSchema } from '../function-param'

/** A state store a custom processor declares and connects to (`Stores.*StoreBuilder`). */
export const ProcessorStoreSchema = z.strictObject({
  name: z.string(),
  type: z.enum(['keyValue', 'window', 'session']),
  retentionMs: z.number().optional(),
  windowSizeMs: z.number().optional(),
})
export type ProcessorStore = z.infer<typeof ProcessorStoreSchema>

/** `process(supplier, Named, stores...)`, or `processValues(...)` when `valuesOnly`. */
export const ProcessParamsSchema = z.strictObject({
  processor: FunctionParamSchema,
  stores: z.array(ProcessorStoreSchema),
  valuesOnly: z.boolean(),
  name: z.string().optional(),
})
export type ProcessParams = z.infer<typeof ProcessParamsSchema>
