// Clusters and topics as the server's API returns them, for the web app's unit tests.
import type { Cluster, TopicInfo } from '@topology-studio/shared'

export function fakeCluster(id: string, name = id): Cluster {
  return {
    id,
    name,
    bootstrapServers: ['127.0.0.1:9092'],
    ssl: false,
    sasl: null,
    clusterId: `kafka-${id}`,
  }
}

export function fakeTopic(name: string, partitions: number, internal = false): TopicInfo {
  return {
    name,
    internal,
    partitions: Array.from({ length: partitions }, (_, partition) => ({
      partition,
      leader: 1,
      replicas: [1],
      isr: [1],
      startOffset: '0',
      endOffset: '0',
    })),
    configs: {},
  }
}
