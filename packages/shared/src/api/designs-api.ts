import { z } from 'zod'
import { TopologyGraphSchema } from '../topology-graph'

/**
 * A design's id: its file name in the workspace without `.json`. Hand-named files keep their
 * names, so anything that is a plain file name is accepted; no path separators, no leading dot.
 */
export const DesignIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^./\\][^/\\]*$/, 'must be a file name without slashes or a leading dot')
  .refine(
    (id) => [...id].every((char) => char.charCodeAt(0) >= 0x20),
    'must not contain control characters',
  )
export type DesignId = z.infer<typeof DesignIdSchema>

/** A content hash of the stored file: changes with every write, by the server or by hand. */
export const RevisionSchema = z.string().min(1)

/** A stored design with what optimistic concurrency needs to update it. */
export const DesignRecordSchema = z.strictObject({
  id: DesignIdSchema,
  revision: RevisionSchema,
  /** When the file last changed (ISO 8601). */
  updatedAt: z.string(),
  design: TopologyGraphSchema,
})
export type DesignRecord = z.infer<typeof DesignRecordSchema>

/** One line of the designs list: readable designs, and files that do not parse with why. */
export const DesignSummarySchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    id: DesignIdSchema,
    revision: RevisionSchema,
    updatedAt: z.string(),
    name: z.string(),
    applicationId: z.string(),
    nodeCount: z.int().nonnegative(),
  }),
  z.strictObject({
    ok: z.literal(false),
    id: DesignIdSchema,
    revision: RevisionSchema,
    updatedAt: z.string(),
    error: z.strictObject({ code: z.string(), message: z.string() }),
  }),
])
export type DesignSummary = z.infer<typeof DesignSummarySchema>

export const DesignListSchema = z.strictObject({ designs: z.array(DesignSummarySchema) })
export type DesignList = z.infer<typeof DesignListSchema>

/** `POST /api/designs`: the id is derived from the design's name when not given. */
export const CreateDesignRequestSchema = z.strictObject({
  id: DesignIdSchema.optional(),
  design: z.unknown(),
})
export type CreateDesignRequest = z.infer<typeof CreateDesignRequestSchema>

/** `PUT /api/designs/:id`: refused with `stale_revision` unless `revision` is the stored one. */
export const UpdateDesignRequestSchema = z.strictObject({
  revision: RevisionSchema,
  design: z.unknown(),
})
export type UpdateDesignRequest = z.infer<typeof UpdateDesignRequestSchema>

/** `POST /api/designs/:id/duplicate`: a copy under a new id, name and application id. */
export const DuplicateDesignRequestSchema = z.strictObject({
  id: DesignIdSchema.optional(),
  name: z.string().min(1).optional(),
})
export type DuplicateDesignRequest = z.infer<typeof DuplicateDesignRequestSchema>
