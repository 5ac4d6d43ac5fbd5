import { describe, expect, it } from 'vitest'
import { Named, Serdes, StreamsBuilder, TopologyTestDriver, type RuntimeWarning } from '../index'

const S = Serdes.String()

describe('TopologyTestDriver telemetry', () => {
  it('measures process time per node (including downstream) with the clock it is given', () => {
    let now = 0
    const clock = () => (now += 1)
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .mapValues((v: string) => v.toUpperCase(), Named.as('upper'))
      .to('out')
    const driver = new TopologyTestDriver(
      builder.build(),
      { 'default.key.serde': S, 'default.value.serde': S },
      0,
      { clock },
    )
    driver.createInputTopic('in', S, S).pipeInput('k', 'v', 1)
    const byNode = new Map(driver.metrics().map((m) => [m.node, m.processTimeMs]))
    // Each node reads the clock before and after: the source spans upper and the sink.
    expect(byNode.get('upper')).toBe(3)
    expect(byNode.get('KSTREAM-SOURCE-0000000000')).toBe(5)
  })

  it('reports skipped records to the warning listener as they happen', () => {
    const warnings: RuntimeWarning[] = []
    const builder = new StreamsBuilder()
    builder.stream<string, string>('in').groupByKey().count(Named.as('count'))
    const driver = new TopologyTestDriver(
      builder.build(),
      { 'default.key.serde': S, 'default.value.serde': S },
      0,
      { onWarning: (warning) => warnings.push(warning) },
    )
    driver.createInputTopic('in', S, S).pipeInput(null, 'v', 1)
    expect(warnings).toEqual([
      {
        taskId: '0_0',
        node: 'count',
        reason: 'null-key',
        message: expect.stringMatching(/^Skipping record due to null key or value/) as unknown,
      },
    ])
  })
})
