import { describe, expect, it } from 'vitest'
import { compareResults } from './compare-results'
import type { ScenarioResult } from './scenario-result'

const base: ScenarioResult = {
  name: 's',
  describe: 'Topologies:\n   Sub-topology: 0\n',
  outputs: { out: [{ key: 'a', value: '0x0000000000000001', timestamp: 1, headers: [] }] },
  stores: {
    counts: {
      type: 'window',
      entries: [
        { key: 'b', start: 0, end: 10, value: 1 },
        { key: 'a', start: 0, end: 10, value: 2 },
      ],
    },
  },
  error: null,
}

describe('compareResults', () => {
  it('finds equal results equal, with window entries compared by window then key', () => {
    const reordered: ScenarioResult = {
      ...base,
      stores: {
        counts: {
          type: 'window',
          entries: [
            { key: 'a', start: 0, end: 10, value: 2 },
            { key: 'b', start: 0, end: 10, value: 1 },
          ],
        },
      },
    }
    expect(compareResults(base, reordered)).toEqual({
      describeMatch: true,
      outputsMatch: true,
      storesMatch: true,
      firstDifference: null,
    })
  })

  it('shows the first describe line that differs, with both sides', () => {
    const engine = { ...base, describe: 'Topologies:\n   Sub-topology: 1\n' }
    const comparison = compareResults(base, engine)
    expect(comparison.describeMatch).toBe(false)
    expect(comparison.firstDifference).toBe(
      'describe line 2:\n  kafka:  "   Sub-topology: 0"\n  engine: "   Sub-topology: 1"',
    )
  })

  it('shows a missing output record and counts both sides', () => {
    const comparison = compareResults(base, { ...base, outputs: { out: [] } })
    expect(comparison.outputsMatch).toBe(false)
    expect(comparison.firstDifference).toContain('out record 1 (of 1 vs 0)')
    expect(comparison.firstDifference).toContain('engine: <none>')
  })

  it('requires both sides to fail at the same step, but not with the same words', () => {
    const failing = (step: number): ScenarioResult => ({
      ...base,
      error: { phase: 'step', step, message: `failed at ${step}` },
    })
    expect(compareResults(failing(2), failing(2)).outputsMatch).toBe(true)
    const comparison = compareResults(failing(2), failing(3))
    expect(comparison.outputsMatch).toBe(false)
    expect(comparison.firstDifference).toContain('kafka:  step error at step 2')
    expect(compareResults(failing(2), base).firstDifference).toContain('engine: no error')
  })

  it('tells stores of another type apart', () => {
    const engine: ScenarioResult = {
      ...base,
      stores: { counts: { type: 'keyValue', entries: [] } },
    }
    expect(compareResults(base, engine).firstDifference).toBe(
      'store counts type:\n  kafka:  window\n  engine: keyValue',
    )
  })

  it('flags a listed store that does not exist, even when both sides agree', () => {
    const missing: ScenarioResult = { ...base, stores: { nope: { type: 'missing', entries: [] } } }
    expect(compareResults(missing, missing).firstDifference).toContain(
      'store nope: Kafka Streams has no store of that name',
    )
  })
})
