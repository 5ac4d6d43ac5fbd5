import { describe, expect, it } from 'vitest'
import { DiagnosticSchema, type Diagnostic } from './diagnostic'

describe('DiagnosticSchema', () => {
  it('round-trips a fully placed diagnostic through JSON without loss', () => {
    const diagnostic: Diagnostic = {
      severity: 'error',
      code: 'expression/syntax',
      message: 'The predicate of filter "big" does not parse',
      nodeId: 'n1',
      edgeId: 'e1',
      param: 'branches[1].predicate',
      line: 1,
      column: 7,
      hint: 'Close the parenthesis opened at column 3.',
    }
    expect(DiagnosticSchema.parse(JSON.parse(JSON.stringify(diagnostic)))).toEqual(diagnostic)
  })

  it('names the path of an unknown severity', () => {
    const result = DiagnosticSchema.safeParse({ severity: 'fatal', code: 'x', message: 'm' })
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['severity']])
  })

  it('rejects a column of zero because columns are 1-based', () => {
    const result = DiagnosticSchema.safeParse({
      severity: 'info',
      code: 'x',
      message: 'm',
      column: 0,
    })
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['column']])
  })
})
