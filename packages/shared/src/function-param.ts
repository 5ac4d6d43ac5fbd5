import { z } from 'zod'

/**
 * A user-supplied function of a node: a declarative expression (safe, no code execution,
 * exportable) or JavaScript source text for power users.
 */
export const FunctionParamSchema = z.discriminatedUnion('lang', [
  z.strictObject({ lang: z.literal('expression'), source: z.string() }),
  z.strictObject({ lang: z.literal('code'), source: z.string() }),
])
export type FunctionParam = z.infer<typeof FunctionParamSchema>

/** The languages a {@link FunctionParam} can be written in. */
export const FUNCTION_LANGS = ['expression', 'code'] as const
export type FunctionLang = FunctionParam['lang']
