import { z } from 'zod'

/**
 * A connection from one node's output to another node's input. Ports are only used where a node
 * has several: a join's inputs (`targetPort` `'left'` / `'right'`) and a split's outputs
 * (`sourcePort` = a branch id, or {@link DEFAULT_BRANCH_PORT}).
 */
export const GraphEdgeSchema = z.strictObject({
  id: z.string().min(1),
  source: z.string(),
  target: z.string(),
  sourcePort: z.string().optional(),
  targetPort: z.string().optional(),
})
export type GraphEdge = z.infer<typeof GraphEdgeSchema>

/** The input ports of a join. */
export const JOIN_PORTS = ['left', 'right'] as const
export type JoinPort = (typeof JOIN_PORTS)[number]

/** The `sourcePort` of a split's default branch. */
export const DEFAULT_BRANCH_PORT = 'default'
