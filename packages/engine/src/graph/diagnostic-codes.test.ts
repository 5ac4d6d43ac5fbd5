import { describe, expect, it } from 'vitest'
import { DIAGNOSTIC_SEVERITY_BY_CODE, createDiagnostic } from './diagnostic-codes'

describe('the diagnostic catalogue', () => {
  it('uses codes of the form area/problem', () => {
    for (const code of Object.keys(DIAGNOSTIC_SEVERITY_BY_CODE)) {
      expect(code).toMatch(/^[a-z]+\/[a-z-]+$/)
    }
  })

  it('builds a diagnostic with its severity, message, hint and place', () => {
    const diagnostic = createDiagnostic(
      'expression/syntax',
      { node: 'filter "big"', param: 'predicate', message: "Expected ')'", column: 4 },
      { nodeId: 'n1', param: 'predicate', column: 4, edgeId: undefined },
    )
    expect(diagnostic).toEqual({
      severity: 'error',
      code: 'expression/syntax',
      message: `The predicate of filter "big" does not parse: Expected ')' (column 4).`,
      hint: expect.stringContaining('column 4'),
      nodeId: 'n1',
      param: 'predicate',
      column: 4,
    })
  })

  it('marks probable mistakes that Kafka accepts as warnings', () => {
    expect(DIAGNOSTIC_SEVERITY_BY_CODE['node/unused-output']).toBe('warning')
    expect(DIAGNOSTIC_SEVERITY_BY_CODE['graph/cycle']).toBe('error')
  })
})
