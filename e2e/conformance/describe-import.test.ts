import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { designFromPlan, fromDescription, planGraph } from '@topology-studio/engine'
import { describe, expect, it } from 'vitest'
import { loadScenario } from './scenario'

// The describe() texts of the corpus are Kafka Streams' own (the conformance run compares them
// byte for byte), so importing them is importing real applications' output.

const scenarios = join(dirname(fileURLToPath(import.meta.url)), 'scenarios')

/** Texts that stay read-only, each for a reason import states. */
const READ_ONLY = new Set([
  // A global-table join takes a name counter the text does not show.
  'join-stream-global-table-left',
  // Counters taken in an order the design cannot reproduce.
  'join-stream-table-from-repartitioned-to-table',
  'stateless-peek-foreach',
  'stateless-two-streams-of-one-topic',
  // Optimized topologies whose merged repartitions no single design operation builds.
  'optimization-all-key-changing-repartitions',
  // The extractor's text is printed, and the design's stand-in differs from it.
  'stateless-topic-extractor',
  // A table regrouped by a named Grouped whose selector name is not recovered.
  'table-group-by-reduce-adder-subtractor',
])

const corpus = readdirSync(scenarios)
  .filter((file) => file.endsWith('.json'))
  .map((file) => loadScenario(join(scenarios, file)))

describe('importing the corpus’s describe() texts as designs', () => {
  it.each(corpus.map((scenario) => [scenario.name, scenario] as const))('%s', (name, scenario) => {
    const text = planGraph(scenario.graph).plan?.describe
    expect(text).toBeDefined()
    const parsed = fromDescription(text as string)
    expect(parsed.plan).not.toBeNull()
    const result = designFromPlan(parsed.plan!)
    if (READ_ONLY.has(name)) {
      expect(result.graph).toBeNull()
      if (result.graph === null) expect(result.reason).toMatch(/[A-Za-z]/)
      return
    }
    expect(result.graph === null ? result.reason : null).toBeNull()
    const { plan } = planGraph(result.graph!)
    expect(plan?.describe).toBe(text)
  })

  it('recovers nearly all of them', () => {
    expect(corpus.length - READ_ONLY.size).toBeGreaterThanOrEqual(95)
  })
})
