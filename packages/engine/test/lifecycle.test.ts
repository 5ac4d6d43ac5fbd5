// Restart, scale-out and failover of a stateful application: state comes back from the
// changelog, committed offsets are resumed, and counts stay exact.
import { describe, expect, it } from 'vitest'
import { KafkaStreams, type StreamsEvent } from '@topology-studio/engine/kafka'
import {
  bootstrapServers,
  eventually,
  connectedTestKit,
  latestByKey,
  readLong,
  uniqueName,
} from './support/kafka-test-kit'
import { expectedWordCounts, wordCountTopology } from './support/topologies'

const kit = connectedTestKit()

function lines(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `w${(from + i) % 50} w${(from + i) % 13} shared`)
}

async function untilCounts(output: string, expected: Map<string, number>): Promise<void> {
  const read = await kit.readUntil(
    output,
    (records) => {
      const latest = latestByKey(records, readLong)
      return [...expected].every(([word, n]) => latest.get(word) === n)
    },
    {
      explain: (records) => {
        const latest = latestByKey(records, readLong)
        const off = [...expected].filter(([word, n]) => latest.get(word) !== n)
        return off
          .slice(0, 10)
          .map(([word, n]) => `${word} ${String(latest.get(word))} (want ${n})`)
          .join(', ')
      },
    },
  )
  expect(latestByKey(read, readLong)).toEqual(expected)
}

function instance(app: string, input: string, output: string, props: Record<string, unknown> = {}) {
  const streams = new KafkaStreams(wordCountTopology(input, output), {
    'application.id': app,
    'bootstrap.servers': bootstrapServers(),
    'commit.interval.ms': 200,
    'session.timeout.ms': 10_000,
    'heartbeat.interval.ms': 1_000,
    ...props,
  })
  const restored = new Map<string, number>()
  streams.onEvent((e: StreamsEvent) => {
    if (e.type === 'restore') restored.set(`${e.task}/${e.store}`, e.restored)
  })
  return { streams, restored }
}

/** Input and output topics (the output with one partition) and an application id. */
async function newApplication(
  prefix: string,
  partitions: number,
): Promise<[string, string, string]> {
  const [input, output] = [uniqueName(`${prefix}-in`), uniqueName(`${prefix}-out`)]
  await kit.createTopic(input, partitions)
  await kit.createTopic(output, 1)
  return [input, output, uniqueName(`${prefix}-app`)]
}

const produceLines = (topic: string, values: readonly string[]) =>
  kit.produce(
    topic,
    values.map((value) => ({ key: null, value })),
  )

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)

describe('application lifecycle on Kafka', () => {
  it('resumes after a restart from committed offsets with state restored from the changelog', async () => {
    const [input, output, app] = await newApplication('rs', 2)
    const first = lines(0, 200)
    await produceLines(input, first)
    const a = instance(app, input, output)
    await a.streams.start()
    await untilCounts(output, expectedWordCounts(first))
    await a.streams.close()

    const second = lines(200, 100)
    await produceLines(input, second)
    const b = instance(app, input, output)
    await b.streams.start()
    try {
      await untilCounts(output, expectedWordCounts([...first, ...second]))
      // Everything the first run counted came back from the changelog.
      expect(total(b.restored)).toBeGreaterThan(0)
      const source = b.streams.metrics().nodes.find((n) => n.node === 'KSTREAM-SOURCE-0000000000')
      expect(source?.recordsIn).toBe(100)
    } finally {
      await b.streams.close()
    }
  })

  it('shares tasks between two instances and moves them to the survivor, counts exact', async () => {
    const [input, output, app] = await newApplication('so', 4)
    const batch1 = lines(0, 200)
    await produceLines(input, batch1)
    const a = instance(app, input, output)
    await a.streams.start()
    await untilCounts(output, expectedWordCounts(batch1))

    const b = instance(app, input, output)
    await b.streams.start()
    try {
      const clients = await eventually(
        () => a.streams.metadataForAllStreamsClients(),
        (c) => c.length === 2 && c.every((x) => x.activeTasks.length === 4),
        30_000,
        'two instances with four tasks each',
      )
      expect(clients.flatMap((c) => c.activeTasks).sort()).toEqual([
        '0_0',
        '0_1',
        '0_2',
        '0_3',
        '1_0',
        '1_1',
        '1_2',
        '1_3',
      ])
      expect(clients.every((c) => c.stateStoreNames.includes('word-counts'))).toBe(true)
      const batch2 = lines(200, 200)
      await produceLines(input, batch2)
      await untilCounts(output, expectedWordCounts([...batch1, ...batch2]))

      const restoredBefore = total(b.restored)
      await a.streams.close()
      await eventually(
        () => b.streams.metrics().threads[0]?.tasks.filter((t) => t.state === 'running').length,
        (n) => n === 8,
        30_000,
        'the survivor running all eight tasks',
      )
      expect(total(b.restored)).toBeGreaterThan(restoredBefore)
      const batch3 = lines(400, 100)
      await produceLines(input, batch3)
      await untilCounts(output, expectedWordCounts([...batch1, ...batch2, ...batch3]))
    } finally {
      await Promise.all([a.streams.close(), b.streams.close()])
    }
  })

  it('with a standby replica, fails over restoring only the changelog tail', async () => {
    async function failover(standbys: number): Promise<number> {
      const [input, output, app] = await newApplication('sb', 2)
      // Many distinct words: a changelog worth restoring.
      const data = Array.from({ length: 3000 }, (_, i) => `word${i} word${i % 100}`)
      const props = { 'num.standby.replicas': standbys }
      const a = instance(app, input, output, props)
      const b = instance(app, input, output, props)
      await a.streams.start()
      await b.streams.start()
      try {
        await eventually(
          () => b.streams.metadataForAllStreamsClients(),
          (c) => c.length === 2 && c.every((x) => x.standbyTasks.length === standbys),
          30_000,
          'standby tasks assigned',
        )
        await produceLines(input, data)
        await untilCounts(output, expectedWordCounts(data))
        await new Promise((r) => setTimeout(r, 1500)) // standbys catch up with the changelog
        const before = total(b.restored)
        await a.streams.close()
        await eventually(
          () => b.streams.metrics().threads[0]?.tasks.filter((t) => t.state === 'running').length,
          (n) => n === 4,
          30_000,
          'the survivor running all tasks',
        )
        const more = ['after failover word0']
        await produceLines(input, more)
        await untilCounts(output, expectedWordCounts([...data, ...more]))
        return total(b.restored) - before
      } finally {
        await Promise.all([a.streams.close(), b.streams.close()])
      }
    }
    const withoutStandby = await failover(0)
    const withStandby = await failover(1)
    expect(withoutStandby).toBeGreaterThan(1000)
    expect(withStandby).toBeLessThan(withoutStandby / 10)
  })
})
