// Word count on a real broker: a repartition by word, counts in a logged store, output exact.
import { describe, expect, it } from 'vitest'
import { KafkaStreams, type MetricsSample } from '@topology-studio/engine/kafka'
import { expectedWordCounts, wordCountTopology } from './support/topologies'
import {
  bootstrapServers,
  connectedTestKit,
  latestByKey,
  readLong,
  uniqueName,
} from './support/kafka-test-kit'

const kit = connectedTestKit()

describe('word count on Kafka', () => {
  it('counts every word exactly, through a repartition topic with the input partition count', async () => {
    const input = uniqueName('wc-in')
    const output = uniqueName('wc-out')
    const app = uniqueName('wc-app')
    await kit.createTopic(input, 3)
    await kit.createTopic(output, 2)
    const lines = Array.from(
      { length: 300 },
      (_, i) =>
        `the quick brown fox ${i % 7 === 0 ? 'jumps over' : 'naps by'} the lazy dog ${i % 5}`,
    )
    await kit.produce(
      input,
      lines.map((line, i) => ({ key: String(i), value: line })),
    )

    const streams = new KafkaStreams(wordCountTopology(input, output), {
      'application.id': app,
      'bootstrap.servers': bootstrapServers(),
      'commit.interval.ms': 200,
    })
    const states: string[] = []
    streams.setStateListener((state) => states.push(state))
    const samples: MetricsSample[] = []
    streams.onMetrics((sample) => samples.push(sample), 100)
    await streams.start()
    expect(streams.state()).toBe('RUNNING')
    const expected = expectedWordCounts(lines)
    try {
      const records = await kit.readUntil(output, (read) => {
        const latest = latestByKey(read, readLong)
        return [...expected].every(([word, n]) => latest.get(word) === n)
      })
      expect(latestByKey(records, readLong)).toEqual(expected)
      expect(await kit.topicPartitions(`${app}-word-counts-repartition`)).toBe(3)
      expect(await kit.topicPartitions(`${app}-word-counts-changelog`)).toBe(3)
      const metrics = streams.metrics()
      const source = metrics.nodes.find((n) => n.node === 'KSTREAM-SOURCE-0000000000')
      expect(source?.recordsIn).toBe(300)
      expect(streams.store<string, number>('word-counts').get('fox')).toBe(300)
      // Task by task, each word lives in the one task of its repartition partition.
      const byTask = streams.store<string, number>('word-counts').allByTask()
      expect(byTask.map((t) => t.taskId).sort()).toEqual(['1_0', '1_1', '1_2'])
      const words = byTask.flatMap((t) => t.entries.map((e) => e.key))
      expect(new Set(words).size).toBe(words.length)
      expect(new Set(words)).toEqual(new Set(expected.keys()))
      // The telemetry samples saw the source node at work, with a rate.
      const sourceRates = samples.flatMap((x) =>
        x.rates.filter((r) => r.node === 'KSTREAM-SOURCE-0000000000'),
      )
      expect(sourceRates.some((r) => r.recordsInPerSecond > 0)).toBe(true)
    } finally {
      expect(await streams.close()).toBe(true)
    }
    expect(streams.state()).toBe('NOT_RUNNING')
    expect(states).toEqual(['REBALANCING', 'RUNNING', 'PENDING_SHUTDOWN', 'NOT_RUNNING'])
  })

  it('refuses to start when a source topic does not exist, naming it', async () => {
    const streams = new KafkaStreams(wordCountTopology(uniqueName('missing'), 'out'), {
      'application.id': uniqueName('wc-missing'),
      'bootstrap.servers': bootstrapServers(),
    })
    await expect(streams.start()).rejects.toThrow(/Source topic wc|missing-.* does not exist/)
    expect(streams.state()).toBe('ERROR')
  })
})
