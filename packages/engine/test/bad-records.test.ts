// Records whose value cannot be deserialized: skipped and counted under log-and-continue,
// fatal with a clear error under log-and-fail.
import { describe, expect, it } from 'vitest'
import { Consumed, Produced, Serdes, StreamsBuilder } from '@topology-studio/engine'
import { KafkaStreams } from '@topology-studio/engine/kafka'
import {
  bootstrapServers,
  eventually,
  connectedTestKit,
  uniqueName,
} from './support/kafka-test-kit'

const kit = connectedTestKit()

function long(n: number): Buffer {
  const b = Buffer.alloc(8)
  b.writeBigInt64BE(BigInt(n))
  return b
}

async function setUp() {
  const input = uniqueName('amounts')
  const output = uniqueName('doubled')
  await kit.createTopic(input, 1)
  await kit.createTopic(output, 1)
  await kit.produce(input, [
    { key: 'a', value: long(1) },
    { key: 'b', value: Buffer.from([1, 2, 3]) }, // not a Long
    { key: 'c', value: long(3) },
  ])
  const builder = new StreamsBuilder()
  builder
    .stream<string, number>(input, Consumed.with(Serdes.String(), Serdes.Long()))
    .mapValues((v: number) => v * 2)
    .to(output, Produced.with(Serdes.String(), Serdes.Long()))
  return { input, output, topology: builder.build() }
}

describe('bad records on Kafka', () => {
  it('skips and counts them under LogAndContinueExceptionHandler', async () => {
    const { output, topology } = await setUp()
    const streams = new KafkaStreams(topology, {
      'application.id': uniqueName('bad-continue'),
      'bootstrap.servers': bootstrapServers(),
      'deserialization.exception.handler': 'LogAndContinueExceptionHandler',
      'commit.interval.ms': 100,
    })
    const warnings: string[] = []
    streams.onEvent((e) => {
      if (e.type === 'warning') warnings.push(e.warning.message)
    })
    await streams.start()
    try {
      const records = await kit.readUntil(output, (read) => read.length >= 2)
      expect(records.map((r) => [r.key?.toString(), Number(r.value?.readBigInt64BE(0))])).toEqual([
        ['a', 2],
        ['c', 6],
      ])
      const source = await eventually(
        () => streams.metrics().nodes.find((n) => n.node === 'KSTREAM-SOURCE-0000000000'),
        (n) => n?.dropped === 1,
      )
      expect(source?.droppedByReason).toEqual({ 'deserialization-error': 1 })
      expect(warnings.join('\n')).toMatch(
        /Skipping record due to deserialization error.*offset=\[1\]/,
      )
    } finally {
      await streams.close()
    }
  })

  it('stops with an error naming the record under LogAndFailExceptionHandler', async () => {
    const { input, topology } = await setUp()
    const streams = new KafkaStreams(topology, {
      'application.id': uniqueName('bad-fail'),
      'bootstrap.servers': bootstrapServers(),
    })
    await streams.start().catch(() => undefined)
    await eventually(
      () => streams.state(),
      (s) => s === 'ERROR',
      30_000,
      'state ERROR',
    )
    expect(streams.error()?.message).toMatch(
      new RegExp(
        `Deserialization exception handler is set to fail.*topic ${input}, partition 0, offset 1`,
      ),
    )
  })
})
