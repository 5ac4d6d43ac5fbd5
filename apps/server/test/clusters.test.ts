// Cluster routes against the real broker the integration setup starts: connect, health,
// topics, peek, produce and the sample-data generator, and a cluster that is down.
import type {
  Cluster,
  ClusterHealth,
  GeneratorStatus,
  PeekedRecord,
  TopicInfo,
} from '@topology-studio/shared'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startTestServer, type TestServer } from '../src/testing/test-server'

let studio: TestServer
let cluster: Cluster
const run = `it-${Date.now().toString(36)}`

const json = async <T>(response: Response): Promise<T> => {
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

beforeAll(async () => {
  studio = await startTestServer()
  cluster = await json<Cluster>(
    await studio.api('/api/clusters', {
      method: 'POST',
      body: { name: 'local', bootstrapServers: inject('kafkaBootstrapServers') },
    }),
  )
})

afterAll(async () => {
  await studio.close()
})

async function createTopic(name: string, partitions: number): Promise<TopicInfo> {
  const response = await studio.api(`/api/clusters/${cluster.id}/topics`, {
    method: 'POST',
    body: { name, partitions, configs: { 'retention.ms': '3600000' } },
  })
  const topic = await json<TopicInfo>(response)
  expect(response.status).toBe(201)
  return topic
}

describe('clusters on a real broker', () => {
  it('connects and reports the cluster and its health', async () => {
    expect(cluster).toMatchObject({ name: 'local', ssl: false, sasl: null })
    expect(cluster.clusterId).not.toBe('')
    const health = await json<ClusterHealth>(await studio.api(`/api/clusters/${cluster.id}/health`))
    expect(health.brokers).toHaveLength(1)
    expect(health.controller).toBe(health.brokers[0]?.nodeId)
    expect(health.offlinePartitions).toBe(0)
    expect(health.underReplicatedPartitions).toBe(0)
  })

  it('creates a topic and lists it with partitions, configs and end offsets', async () => {
    const created = await createTopic(`${run}-orders`, 3)
    expect(created.partitions.map((p) => p.partition)).toEqual([0, 1, 2])
    expect(created.configs['retention.ms']).toBe('3600000')
    expect(created.configs['cleanup.policy']).toBe('delete')

    const again = await studio.api(`/api/clusters/${cluster.id}/topics`, {
      method: 'POST',
      body: { name: `${run}-orders`, partitions: 3 },
    })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('topic_exists')
  })

  it('produces typed-in records with murmur2 partitioning and peeks them back decoded', async () => {
    const topic = `${run}-prices`
    await createTopic(topic, 4)
    const produced = await json<{ offsets: { partition: number; offset: string }[] }>(
      await studio.api(`/api/clusters/${cluster.id}/topics/${topic}/records`, {
        method: 'POST',
        body: {
          keySerde: 'String',
          valueSerde: 'Json',
          records: [
            { key: 'AAPL', value: { price: 190.5 } },
            { key: 'AAPL', value: { price: 191 }, headers: { source: 'test' } },
            { key: 'MSFT', value: { price: 410 }, partition: 3 },
          ],
        },
      }),
    )
    // Kafka's default partitioner puts "AAPL" on partition 1 of 4 (murmur2, as Java clients).
    expect(produced.offsets).toEqual([
      { partition: 1, offset: '0' },
      { partition: 1, offset: '1' },
      { partition: 3, offset: '0' },
    ])

    const { records } = await json<{ records: PeekedRecord[] }>(
      await studio.api(
        `/api/clusters/${cluster.id}/topics/${topic}/partitions/1/records?limit=10&valueSerde=Json`,
      ),
    )
    expect(records.map((r) => [r.offset, r.key, r.value, r.headers])).toEqual([
      ['0', 'AAPL', { price: 190.5 }, {}],
      ['1', 'AAPL', { price: 191 }, { source: 'test' }],
    ])

    const asLong = await json<{ records: PeekedRecord[] }>(
      await studio.api(
        `/api/clusters/${cluster.id}/topics/${topic}/partitions/3/records?valueSerde=Long`,
      ),
    )
    expect(asLong.records[0]?.decodeError).toMatch(/value: .*LongDeserializer/)

    const topics = await json<{ topics: TopicInfo[] }>(
      await studio.api(`/api/clusters/${cluster.id}/topics`),
    )
    const listed = topics.topics.find((t) => t.name === topic)
    expect(listed?.partitions.map((p) => p.endOffset)).toEqual(['0', '2', '0', '1'])
  })

  it('peeks only the last records of a long partition', async () => {
    const topic = `${run}-long`
    await createTopic(topic, 1)
    await json(
      await studio.api(`/api/clusters/${cluster.id}/topics/${topic}/records`, {
        method: 'POST',
        body: {
          records: Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
        },
      }),
    )
    const { records } = await json<{ records: PeekedRecord[] }>(
      await studio.api(`/api/clusters/${cluster.id}/topics/${topic}/partitions/0/records?limit=5`),
    )
    expect(records.map((r) => r.value)).toEqual(['v95', 'v96', 'v97', 'v98', 'v99'])
  })

  it('names what cannot be produced, and writes nothing', async () => {
    const topic = `${run}-typed`
    await createTopic(topic, 2)
    const response = await studio.api(`/api/clusters/${cluster.id}/topics/${topic}/records`, {
      method: 'POST',
      body: { valueSerde: 'Long', records: [{ value: 1 }, { value: 'twelve' }] },
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /records\.1\.value cannot be encoded: Long needs a number/,
    )
    const topics = await json<{ topics: TopicInfo[] }>(
      await studio.api(`/api/clusters/${cluster.id}/topics`),
    )
    const listed = topics.topics.find((t) => t.name === topic)
    expect(listed?.partitions.map((p) => p.endOffset)).toEqual(['0', '0'])

    const missing = await studio.api(`/api/clusters/${cluster.id}/topics/${run}-nope/records`, {
      method: 'POST',
      body: { records: [{ value: 'x' }] },
    })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'topic_not_found',
    )
  })

  it('runs the sample-data generator at its rate until stopped', async () => {
    const topic = `${run}-trades`
    await createTopic(topic, 2)
    const started = await json<GeneratorStatus>(
      await studio.api(`/api/clusters/${cluster.id}/generators`, {
        method: 'POST',
        body: { kind: 'stock-trades', topic, recordsPerSecond: 200 },
      }),
    )
    expect(started.state).toBe('running')
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const stopped = await json<GeneratorStatus>(
      await studio.api(`/api/clusters/${cluster.id}/generators/${started.id}`, {
        method: 'DELETE',
      }),
    )
    expect(stopped.state).toBe('stopped')
    expect(stopped.produced).toBeGreaterThanOrEqual(150)
    expect(stopped.produced).toBeLessThanOrEqual(400)

    const topics = await json<{ topics: TopicInfo[] }>(
      await studio.api(`/api/clusters/${cluster.id}/topics`),
    )
    const ends = topics.topics.find((t) => t.name === topic)?.partitions.map((p) => p.endOffset)
    expect((ends ?? []).reduce((sum, end) => sum + Number(end), 0)).toBe(stopped.produced)
    const { records } = await json<{ records: PeekedRecord[] }>(
      await studio.api(
        `/api/clusters/${cluster.id}/topics/${topic}/partitions/0/records?limit=3&valueSerde=Json`,
      ),
    )
    expect(records[0]?.value).toMatchObject({ isin: records[0]?.key, side: expect.any(String) })
  })

  it('reports a cluster that is down within seconds', async () => {
    const started = performance.now()
    const response = await studio.api('/api/clusters', {
      method: 'POST',
      body: { bootstrapServers: '127.0.0.1:1' },
    })
    expect(response.status).toBe(502)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'cluster_unreachable',
    )
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('never sends a SASL password back', async () => {
    const response = await studio.api('/api/clusters', {
      method: 'POST',
      body: {
        bootstrapServers: '127.0.0.1:1',
        sasl: { mechanism: 'plain', username: 'me', password: 'hunter2-secret' },
      },
    })
    expect(await response.text()).not.toContain('hunter2-secret')
    const listed = await studio.api('/api/clusters')
    expect(await listed.text()).not.toContain('hunter2-secret')
  })

  it('refuses client options outside the allowlist', async () => {
    const response = await studio.api('/api/clusters', {
      method: 'POST',
      body: { bootstrapServers: '127.0.0.1:9092', 'sasl.jaas.config': 'JndiLoginModule' },
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /sasl\.jaas\.config/,
    )
  })
})
