// A designed cogroup: several grouped streams folded into one aggregate, built and run exactly
// as the same DSL chain.
import type { TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { Materialized } from '../dsl/materialized'
import { StreamsBuilder } from '../dsl/streams-builder'
import { SessionWindows, TimeWindows } from '../dsl/windows'
import { Serdes } from '../serde/serdes'
import { TopologyTestDriver } from '../test-driver/topology-test-driver'
import { compileGraph } from './compile-graph'
import { design, expr } from './internal/test-helpers'
import { validateGraph } from './validate-graph'

const S = Serdes.String()
const L = Serdes.Long()
const config = { 'default.key.serde': 'String', 'default.value.serde': 'Long' }

/** Clicks and purchases per user, cogrouped into one running score. */
function scoreDesign(window?: 'tumbling' | 'session'): TopologyGraph {
  const d = design()
  const clicks = d.stream('clicks').groupByKey()
  const purchases = d.stream('purchases').groupByKey()
  const score = d.add('cogroup', {
    inputs: [
      { id: 'clicks', aggregator: expr('aggregate + 1') },
      { id: 'purchases', aggregator: expr('aggregate + value') },
    ],
    initializer: expr('0'),
    storeName: 'scores',
    ...(window === 'tumbling' ? { window: { type: 'tumbling', sizeMs: 60_000 } } : {}),
    ...(window === 'session'
      ? {
          window: { type: 'session', inactivityGapMs: 60_000 },
          merger: expr('aggregate1 + aggregate2'),
        }
      : {}),
  } as const)
  d.connect(clicks, score, 'clicks')
  d.connect(purchases, score, 'purchases')
  score.toStream().to('scores')
  return { ...d.build(), config }
}

function scoreDsl(window?: 'tumbling' | 'session'): string {
  const builder = new StreamsBuilder()
  const clicks = builder.stream<string, number>('clicks').groupByKey()
  const purchases = builder.stream<string, number>('purchases').groupByKey()
  const cogrouped = clicks
    .cogroup<number>((_k, _v, aggregate) => aggregate + 1)
    .cogroup(purchases, (_k, value, aggregate) => aggregate + value)
  const table =
    window === 'tumbling'
      ? cogrouped
          .windowedBy(TimeWindows.ofSizeWithNoGrace(60_000))
          .aggregate(() => 0, Materialized.as('scores'))
      : window === 'session'
        ? cogrouped.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(60_000)).aggregate(
            () => 0,
            (_k, a, b) => a + b,
            Materialized.as('scores'),
          )
        : cogrouped.aggregate(() => 0, Materialized.as('scores'))
  ;(table.toStream() as { to(topic: string): void }).to('scores')
  return builder.build(config).describe().toString()
}

describe('a designed cogroup', () => {
  for (const window of [undefined, 'tumbling', 'session'] as const) {
    it(`builds what the DSL builds (${window ?? 'no'} window)`, () => {
      const { topology, diagnostics } = compileGraph(scoreDesign(window))
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      expect(topology?.describe().toString()).toBe(scoreDsl(window))
    })
  }

  it('folds each input with its own aggregator into one store', () => {
    const { topology } = compileGraph(scoreDesign())
    const driver = new TopologyTestDriver(topology!, {
      'application.id': 'scores',
      'statestore.cache.max.bytes': 0,
    })
    driver.createInputTopic('clicks', S, L).pipeInput('ada', 0, 1)
    driver.createInputTopic('purchases', S, L).pipeInput('ada', 40, 2)
    driver.createInputTopic('clicks', S, L).pipeInput('ada', 0, 3)
    const out = driver.createOutputTopic('scores', S, L).readValuesToList()
    expect(out).toEqual([1, 41, 42])
    driver.close()
  })

  it('refuses one grouped stream on two inputs, as Kafka Streams would keep one aggregator', () => {
    const d = design()
    const clicks = d.stream('clicks').groupByKey()
    const score = d.add('cogroup', {
      inputs: [
        { id: 'a', aggregator: expr('aggregate + 1') },
        { id: 'b', aggregator: expr('aggregate + 2') },
      ],
      initializer: expr('0'),
    })
    d.connect(clicks, score, 'a')
    d.connect(clicks, score, 'b')
    const found = validateGraph(d.build()).filter((x) => x.code === 'cogroup/same-grouped-stream')
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        nodeId: score.id,
        message: expect.stringContaining('on "a" and "b"'),
      }),
    ])
  })

  it('names what is wrong with its inputs and params', () => {
    const d = design()
    const clicks = d.stream('clicks').groupByKey()
    const score = d.add('cogroup', {
      inputs: [
        { id: 'clicks', aggregator: expr('aggregate + 1') },
        { id: 'clicks', aggregator: expr('aggregate + 2') },
        { id: 'purchases', aggregator: expr('aggregate + value') },
      ],
      initializer: expr('0'),
      window: { type: 'session', inactivityGapMs: 1000 },
    })
    d.connect(clicks, score, 'clicks')
    d.connect(d.stream('views'), score, 'views')
    const codes = validateGraph(d.build()).map((x) => `${x.code} ${x.param ?? x.edgeId ?? ''}`)
    expect(codes).toEqual(
      expect.arrayContaining([
        'cogroup/missing-input inputs[2]',
        expect.stringMatching(/^cogroup\/unknown-input /),
        'param/invalid inputs[1].id',
        'param/missing merger',
        expect.stringMatching(/^node\/wrong-input-type /),
      ]),
    )
  })
})
