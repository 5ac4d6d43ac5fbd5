// The Kafka cluster the designer works against: the clusters the server is connected to, the one
// chosen (remembered in this browser), and its topics with their partition counts, which topic
// fields suggest and joins are checked against.
import type { ClusterTopics } from '@topology-studio/engine'
import type { Cluster, ConnectClusterRequest } from '@topology-studio/shared'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ClustersApi } from '../api/clusters'

export interface ClusterState {
  clusters: readonly Cluster[]
  /** The chosen cluster, or null to design without one. */
  activeId: string | null
  /** Partition counts of the chosen cluster's topics (internal topics aside); null until read. */
  topics: ReadonlyMap<string, number> | null
  loading: boolean
  /** What went wrong last, in words for the header; null when the last request worked. */
  error: string | null
  /** Reads the server's clusters again, then the chosen one's topics. */
  refresh: () => Promise<void>
  /** Connects a new cluster and chooses it; rejects with the server's reason. */
  connect: (request: ConnectClusterRequest) => Promise<Cluster>
  choose: (id: string | null) => Promise<void>
  /**
   * Creates a topic on the chosen cluster, then reads its topics again so the design is checked
   * against it; rejects with the server's reason.
   */
  createTopic: (name: string, partitions: number) => Promise<void>
}

export type ClusterStore = StoreApi<ClusterState>

/** Where the chosen cluster is remembered: localStorage in the app, a map in tests. */
export interface ChoiceMemory {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const CHOICE_KEY = 'topology-studio.cluster'

export function createClusterStore(
  api: Pick<ClustersApi, 'list' | 'connect' | 'topics' | 'createTopic'>,
  memory: ChoiceMemory,
): ClusterStore {
  // Choices can overlap on a slow cluster; only the newest one's topics may land.
  let latest = 0
  // A list read before a connect or a choice must not undo it.
  let choices = 0
  const remember = (id: string | null) =>
    id === null ? memory.removeItem(CHOICE_KEY) : memory.setItem(CHOICE_KEY, id)

  return createStore<ClusterState>()((set, get) => {
    const loadTopics = async (id: string | null) => {
      const request = ++latest
      if (id === null) {
        set({ topics: null, loading: false, error: null })
        return
      }
      set({ loading: true })
      try {
        const topics = await api.topics(id)
        if (request !== latest) return
        set({
          topics: new Map(
            topics.filter((t) => !t.internal).map((t) => [t.name, t.partitions.length]),
          ),
          loading: false,
          error: null,
        })
      } catch (error) {
        if (request !== latest) return
        set({ topics: null, loading: false, error: messageOf(error) })
      }
    }

    return {
      clusters: [],
      activeId: null,
      topics: null,
      loading: false,
      error: null,
      refresh: async () => {
        const before = choices
        try {
          const clusters = await api.list()
          if (before !== choices) return
          const wanted = get().activeId ?? memory.getItem(CHOICE_KEY)
          const activeId = clusters.some((c) => c.id === wanted) ? wanted : null
          set({ clusters, activeId })
          await loadTopics(activeId)
        } catch (error) {
          set({ error: messageOf(error) })
        }
      },
      connect: async (request) => {
        const cluster = await api.connect(request)
        choices++
        set(({ clusters }) => ({
          clusters: [...clusters.filter((c) => c.id !== cluster.id), cluster],
          activeId: cluster.id,
          topics: null,
        }))
        remember(cluster.id)
        await loadTopics(cluster.id)
        return cluster
      },
      choose: async (id) => {
        choices++
        // Another cluster's topics must not be shown, or checked against, under this one's name.
        set(({ activeId }) => (activeId === id ? { activeId } : { activeId: id, topics: null }))
        remember(id)
        await loadTopics(id)
      },
      createTopic: async (name, partitions) => {
        const id = get().activeId
        if (id === null) throw new Error(`Choose a cluster to create topic "${name}" on`)
        await api.createTopic(id, { name, partitions })
        if (get().activeId === id) await loadTopics(id)
      },
    }
  })
}

/** The chosen cluster's topics, once read, as the engine checks designs against them. */
export function clusterTopics(state: ClusterState): ClusterTopics | undefined {
  const name = clusterLabel(state)
  return name === null || state.topics === null ? undefined : { name, partitions: state.topics }
}

/** How messages name the chosen cluster. */
export function clusterLabel(state: Pick<ClusterState, 'clusters' | 'activeId'>): string | null {
  const cluster = state.clusters.find((c) => c.id === state.activeId)
  return cluster === undefined ? null : `cluster "${cluster.name}"`
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
