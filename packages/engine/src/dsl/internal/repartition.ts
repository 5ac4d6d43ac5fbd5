import type { Serde } from '../../serde/serde'
import type { InternalTopicProperties } from '../../topology/internal-topology-builder'
import type { StreamPartitioner } from '../../topology/node-factory'
import { RepartitionNode, type RepartitionKind } from './graph-nodes'
import { Prefix, REPARTITION_TOPIC_SUFFIX, type InternalNameProvider } from './names'

const GENERATED_PREFIX = /^KSTREAM.*-[0-9]{10}$/

/**
 * Kafka's `KStreamImpl#createRepartitionedSource`: always burns three counter values (sink,
 * filter, source); generated prefixes keep generated node names, others derive them from
 * the topic.
 */
export function createRepartitionedSource(
  names: InternalNameProvider,
  kind: Exclude<RepartitionKind, 'groupedTable'>,
  topicPrefix: string,
  options: {
    keySerde?: Serde<unknown> | null
    valueSerde?: Serde<unknown> | null
    properties?: InternalTopicProperties
    partitioner?: StreamPartitioner | null
  } = {},
): RepartitionNode {
  const topic = topicPrefix.endsWith(REPARTITION_TOPIC_SUFFIX)
    ? topicPrefix
    : topicPrefix + REPARTITION_TOPIC_SUFFIX
  const generatedSink = names.newProcessorName(Prefix.SINK)
  const generatedFilter = names.newProcessorName(Prefix.FILTER)
  const generatedSource = names.newProcessorName(Prefix.SOURCE)
  const generated = GENERATED_PREFIX.test(topicPrefix)
  return new RepartitionNode(
    kind,
    generated ? generatedSource : `${topic}-source`,
    generated ? generatedSink : `${topic}-sink`,
    generated ? generatedFilter : `${topic}-filter`,
    topic,
    options.keySerde ?? null,
    options.valueSerde ?? null,
    options.properties ?? {},
    options.partitioner ?? null,
  )
}
