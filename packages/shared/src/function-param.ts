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

// Marks code that a design imported from describe() output holds in place of a function the text
// does not show. Validation warns about it while the mark and the stand-in's throw are both there.
const UNWRITTEN_MARK = '@unwritten'
const NOT_WRITTEN = 'is not written yet'

const comment = (processor: string, role: string) =>
  `// ${UNWRITTEN_MARK} describe() output names ${processor} but not its ${role}: write it here.\n`
const throwing = (processor: string, role: string) =>
  `throw new Error(${JSON.stringify(`${processor}: the ${role} ${NOT_WRITTEN}`)})`

/**
 * Code standing in for a function that describe() output names but does not show: it explains
 * itself and throws when a record reaches it, so an imported design plans but cannot process
 * records unnoticed.
 *
 * @param processor - the processor (or source or sink) the function belongs to, as describe() names it
 * @param role - what the function is, e.g. `predicate`
 */
export function unwrittenFunction(processor: string, role: string): FunctionParam {
  return {
    lang: 'code',
    source: `${comment(processor, role)}() => {\n  ${throwing(processor, role)}\n}`,
  }
}

/**
 * The stand-in for a custom processor's supplier: the processor is created when its task starts,
 * so only `process` throws, when a record reaches it.
 */
export function unwrittenProcessor(processor: string): FunctionParam {
  const role = 'processor'
  return {
    lang: 'code',
    source: `${comment(processor, role)}() => ({\n  process() {\n    ${throwing(processor, role)}\n  },\n})`,
  }
}

/** Tells whether a function param is still the stand-in an import wrote. */
export function isUnwrittenFunction(param: FunctionParam): boolean {
  return (
    param.lang === 'code' &&
    param.source.includes(UNWRITTEN_MARK) &&
    param.source.includes(NOT_WRITTEN)
  )
}
