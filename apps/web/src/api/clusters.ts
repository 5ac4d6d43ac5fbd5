// The server's clusters API as the designer uses it: the connected clusters and their topics.
import {
  ClusterListSchema,
  ClusterSchema,
  TopicListSchema,
  type Cluster,
  GeneratorListSchema,
  GeneratorStatusSchema,
  TopicInfoSchema,
  type GeneratorStatus,
  type StartGeneratorRequest,
  type ConnectClusterRequest,
  type CreateTopicRequest,
  type TopicInfo,
  ClusterHealthSchema,
  PeekResponseSchema,
  ProduceResponseSchema,
  type ClusterHealth,
  type PeekQuery,
  type PeekedRecord,
  type ProduceRequest,
  type ProducedOffset,
} from '@topology-studio/shared'
import { request } from './request'

export interface ClustersApi {
  list(): Promise<Cluster[]>
  connect(request: ConnectClusterRequest): Promise<Cluster>
  health(id: string): Promise<ClusterHealth>
  topics(id: string): Promise<TopicInfo[]>
  /** The last records of one partition, decoded with the chosen serdes. */
  peek(id: string, topic: string, partition: number, query: PeekQuery): Promise<PeekedRecord[]>
  produce(id: string, topic: string, request: ProduceRequest): Promise<ProducedOffset[]>
  createTopic(id: string, topic: CreateTopicRequest): Promise<TopicInfo>
  /** The sample-data generators of a cluster, running or ended. */
  generators(id: string): Promise<GeneratorStatus[]>
  startGenerator(id: string, request: StartGeneratorRequest): Promise<GeneratorStatus>
  stopGenerator(id: string, generatorId: string): Promise<GeneratorStatus>
}

export function clustersApi(fetchFn: typeof fetch = (...args) => fetch(...args)): ClustersApi {
  const path = (id: string) => `/api/clusters/${encodeURIComponent(id)}`
  return {
    list: async () => ClusterListSchema.parse(await request(fetchFn, '/api/clusters')).clusters,
    connect: async (connection) =>
      ClusterSchema.parse(await request(fetchFn, '/api/clusters', 'POST', connection)),
    health: async (id) => ClusterHealthSchema.parse(await request(fetchFn, `${path(id)}/health`)),
    topics: async (id) =>
      TopicListSchema.parse(await request(fetchFn, `${path(id)}/topics`)).topics,
    peek: async (id, topic, partition, query) => {
      const search = new URLSearchParams()
      for (const [key, value] of Object.entries(query))
        if (value !== undefined) search.set(key, String(value))
      const url = `${path(id)}/topics/${encodeURIComponent(topic)}/partitions/${partition}/records?${search}`
      return PeekResponseSchema.parse(await request(fetchFn, url)).records
    },
    produce: async (id, topic, body) =>
      ProduceResponseSchema.parse(
        await request(
          fetchFn,
          `${path(id)}/topics/${encodeURIComponent(topic)}/records`,
          'POST',
          body,
        ),
      ).offsets,
    createTopic: async (id, topic) =>
      TopicInfoSchema.parse(await request(fetchFn, `${path(id)}/topics`, 'POST', topic)),
    generators: async (id) =>
      GeneratorListSchema.parse(await request(fetchFn, `${path(id)}/generators`)).generators,
    startGenerator: async (id, body) =>
      GeneratorStatusSchema.parse(await request(fetchFn, `${path(id)}/generators`, 'POST', body)),
    stopGenerator: async (id, generatorId) =>
      GeneratorStatusSchema.parse(
        await request(
          fetchFn,
          `${path(id)}/generators/${encodeURIComponent(generatorId)}`,
          'DELETE',
        ),
      ),
  }
}
