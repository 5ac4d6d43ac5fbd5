import { describe, expect, it, vi } from 'vitest'
import type { ClustersApi } from '../api/clusters'
import { fakeCluster, fakeTopic } from './cluster-fixtures'
import { clusterLabel, createClusterStore, type ChoiceMemory } from './cluster-store'

const cluster = fakeCluster
const topic = fakeTopic

function memory(
  initial: Record<string, string> = {},
): ChoiceMemory & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial))
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

function api(
  overrides: Partial<ClustersApi> = {},
): Pick<ClustersApi, 'list' | 'connect' | 'topics' | 'createTopic'> {
  return {
    list: async () => [cluster('local'), cluster('prod', 'Production')],
    connect: async (request) => cluster('new', request.name ?? 'new'),
    topics: async (id) =>
      id === 'local'
        ? [topic('orders', 6), topic('customers', 3), topic('__consumer_offsets', 50, true)]
        : [topic('payments', 12)],
    createTopic: async (_id, request) => topic(request.name, request.partitions),
    ...overrides,
  }
}

describe('cluster store', () => {
  it('chooses again the cluster this browser chose last, and reads its partition counts', async () => {
    const store = createClusterStore(api(), memory({ 'topology-studio.cluster': 'local' }))
    await store.getState().refresh()
    expect(store.getState().activeId).toBe('local')
    expect(store.getState().topics).toEqual(
      new Map([
        ['orders', 6],
        ['customers', 3],
      ]),
    )
    expect(clusterLabel(store.getState())).toBe('cluster "local"')
  })

  it('forgets a remembered cluster the server no longer has', async () => {
    const store = createClusterStore(api(), memory({ 'topology-studio.cluster': 'gone' }))
    await store.getState().refresh()
    expect(store.getState().activeId).toBeNull()
    expect(store.getState().topics).toBeNull()
  })

  it('connects a cluster, chooses it and remembers it; choosing none forgets it', async () => {
    const remembered = memory()
    const store = createClusterStore(api(), remembered)
    await store.getState().connect({ name: 'Staging', bootstrapServers: ['broker:9092'] })
    expect(store.getState().activeId).toBe('new')
    expect(clusterLabel(store.getState())).toBe('cluster "Staging"')
    expect(remembered.items.get('topology-studio.cluster')).toBe('new')
    await store.getState().choose(null)
    expect(store.getState().topics).toBeNull()
    expect(remembered.items.has('topology-studio.cluster')).toBe(false)
  })

  it('keeps only the newest choice when topics come back out of order', async () => {
    let releaseSlow: () => void = () => {}
    const topics = vi.fn(async (id: string) => {
      if (id === 'local') await new Promise<void>((resolve) => (releaseSlow = resolve))
      return [topic(id === 'local' ? 'orders' : 'payments', 1)]
    })
    const store = createClusterStore(api({ topics }), memory())
    await store.getState().refresh()
    const slow = store.getState().choose('local')
    await store.getState().choose('prod')
    releaseSlow()
    await slow
    expect(store.getState().activeId).toBe('prod')
    expect([...(store.getState().topics?.keys() ?? [])]).toEqual(['payments'])
  })

  it('says why topics could not be read', async () => {
    const store = createClusterStore(
      api({ topics: async () => Promise.reject(new Error('Cluster local is not reachable')) }),
      memory(),
    )
    await store.getState().choose('local')
    expect(store.getState().error).toBe('Cluster local is not reachable')
    expect(store.getState().loading).toBe(false)
  })

  it('never shows the topics of one cluster under the name of another while switching', async () => {
    let release: () => void = () => {}
    const topics = vi.fn(async (id: string) => {
      if (id === 'prod') await new Promise<void>((resolve) => (release = resolve))
      return id === 'local' ? [topic('orders', 6)] : [topic('payments', 12)]
    })
    const store = createClusterStore(api({ topics }), memory())
    await store.getState().refresh()
    await store.getState().choose('local')
    const switching = store.getState().choose('prod')
    expect(store.getState()).toMatchObject({ activeId: 'prod', topics: null })
    release()
    await switching
    expect([...(store.getState().topics?.keys() ?? [])]).toEqual(['payments'])
  })

  it('keeps a cluster connected while an older list of clusters was on its way', async () => {
    let releaseList: () => void = () => {}
    const list = vi.fn(async () => {
      await new Promise<void>((resolve) => (releaseList = resolve))
      return [cluster('local')]
    })
    const store = createClusterStore(api({ list }), memory())
    const refreshing = store.getState().refresh()
    await store.getState().connect({ bootstrapServers: ['broker:9092'] })
    releaseList()
    await refreshing
    expect(store.getState().activeId).toBe('new')
    expect(store.getState().clusters.map((c) => c.id)).toContain('new')
  })

  it('creates a topic on the chosen cluster and checks the design against it at once', async () => {
    const created: string[] = []
    let onCluster = [topic('orders', 6)]
    const store = createClusterStore(
      api({
        topics: async () => onCluster,
        createTopic: async (id, request) => {
          created.push(`${id}/${request.name}/${request.partitions}`)
          onCluster = [...onCluster, topic(request.name, request.partitions)]
          return topic(request.name, request.partitions)
        },
      }),
      memory({ 'topology-studio.cluster': 'local' }),
    )
    await store.getState().refresh()
    await store.getState().createTopic('payments', 4)
    expect(created).toEqual(['local/payments/4'])
    expect(store.getState().topics?.get('payments')).toBe(4)
  })

  it('refuses to create a topic with no cluster chosen, naming the topic', async () => {
    const store = createClusterStore(api(), memory())
    await expect(store.getState().createTopic('payments', 1)).rejects.toThrow(
      'Choose a cluster to create topic "payments" on',
    )
  })
})
