// The few cluster operations the Kafka runtime needs, behind its own interface so that kafkajs
// stays in one module (and tests can use a fake).
import kafkajs, { type Admin } from 'kafkajs'
// kafkajs is CommonJS: Node's ESM loader sees only its default export.
const { ConfigResourceTypes } = kafkajs

export interface NewTopic {
  readonly name: string
  readonly partitions: number
  /** -1: the broker's default.replication.factor. */
  readonly replicationFactor: number
  readonly config: Readonly<Record<string, string>>
}

export interface ClusterAdmin {
  /** Partition counts of every topic on the cluster. */
  topicPartitions(): Promise<Map<string, number>>
  /** The configs of the given topics, as the broker reports them. */
  topicConfigs(topics: readonly string[]): Promise<Map<string, Record<string, string>>>
  createTopics(topics: readonly NewTopic[]): Promise<void>
}

export function kafkajsClusterAdmin(admin: Admin): ClusterAdmin {
  return {
    async topicPartitions() {
      const names = await admin.listTopics()
      if (names.length === 0) return new Map()
      const metadata = await admin.fetchTopicMetadata({ topics: names })
      return new Map(metadata.topics.map((t) => [t.name, t.partitions.length]))
    },
    async topicConfigs(topics) {
      if (topics.length === 0) return new Map()
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
      })
      return new Map(
        described.resources.map((r) => [
          r.resourceName,
          Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue])),
        ]),
      )
    },
    async createTopics(topics) {
      if (topics.length === 0) return
      await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor,
          configEntries: Object.entries(t.config).map(([name, value]) => ({ name, value })),
        })),
      })
    },
  }
}
