// The server's clusters API as the designer uses it: the connected clusters and their topics.
import {
  ClusterListSchema,
  ClusterSchema,
  TopicListSchema,
  type Cluster,
  GeneratorStatusSchema,
  TopicInfoSchema,
  type GeneratorStatus,
  type StartGeneratorRequest,
  type ConnectClusterRequest,
  type CreateTopicRequest,
  type TopicInfo,
} from '@topology-studio/shared'
import { request } from './request'

export interface ClustersApi {
  list(): Promise<Cluster[]>
  connect(request: ConnectClusterRequest): Promise<Cluster>
  topics(id: string): Promise<TopicInfo[]>
  createTopic(id: string, topic: CreateTopicRequest): Promise<TopicInfo>
  startGenerator(id: string, request: StartGeneratorRequest): Promise<GeneratorStatus>
  stopGenerator(id: string, generatorId: string): Promise<GeneratorStatus>
}

export function clustersApi(fetchFn: typeof fetch = (...args) => fetch(...args)): ClustersApi {
  const path = (id: string) => `/api/clusters/${encodeURIComponent(id)}`
  return {
    list: async () => ClusterListSchema.parse(await request(fetchFn, '/api/clusters')).clusters,
    connect: async (connection) =>
      ClusterSchema.parse(await request(fetchFn, '/api/clusters', 'POST', connection)),
    topics: async (id) =>
      TopicListSchema.parse(await request(fetchFn, `${path(id)}/topics`)).topics,
    createTopic: async (id, topic) =>
      TopicInfoSchema.parse(await request(fetchFn, `${path(id)}/topics`, 'POST', topic)),
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
