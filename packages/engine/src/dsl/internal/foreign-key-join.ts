// KTableImpl#doJoinOnForeignKey: a subscription topic from the primary table to the foreign
// table's partitions, a subscription store there, a response topic back, and a resolver that
// re-reads the primary table. Names, counter use and wiring follow Kafka Streams exactly.
import type { Serde } from '../../serde/serde'
import { Serdes } from '../../serde/serdes'
import { Stores } from '../../state/stores'
import type { KTable } from '../ktable'
import type { Materialized } from '../materialized'
import { TableJoined } from '../table-joined'
import { operator, union } from './abstract-stream'
import {
  subscriptionResponseWrapperSerde,
  subscriptionStoreValueSerde,
  subscriptionWrapperSerde,
} from './foreign-key-wrappers'
import {
  ProcessorGraphNode,
  StreamSinkNode,
  StreamSourceNode,
  StreamToTableNode,
  TableSourceMaterialization,
} from './graph-nodes'
import { MaterializedInternal } from './materialized-internal'
import { NamedInternal, Prefix } from './names'

const FK = 'KTABLE-FK-JOIN-'
const SUBSCRIPTION_REGISTRATION = `${FK}SUBSCRIPTION-REGISTRATION-`
const SUBSCRIPTION_RESPONSE = `${FK}SUBSCRIPTION-RESPONSE-`
const SUBSCRIPTION_PROCESSOR = `${FK}SUBSCRIPTION-PROCESSOR-`
const RESPONSE_RESOLVER = `${FK}SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-`
const STATE_STORE = `${FK}SUBSCRIPTION-STATE-STORE-`
const OUTPUT = `${FK}OUTPUT-`

export interface ForeignKeyJoinResult {
  readonly name: string
  readonly node: StreamToTableNode
  readonly materialization: TableSourceMaterialization
  readonly sourceNodes: readonly string[]
  readonly keySerde: Serde<unknown> | null
  readonly valueSerde: Serde<unknown> | null
}

export function foreignKeyJoin(
  primary: KTable<unknown, unknown>,
  foreign: KTable<unknown, unknown>,
  foreignKeyExtractor: (...args: unknown[]) => unknown,
  joiner: (...args: unknown[]) => unknown,
  tableJoined: TableJoined<unknown, unknown> | undefined,
  materialized: Materialized<unknown, unknown> | undefined,
  leftJoin: boolean,
): ForeignKeyJoinResult {
  const builder = primary.builder
  foreign.enableSendingOldValues(true)
  primary.enableSendingOldValues(true)
  const joined = tableJoined ?? TableJoined.with(null, null)
  const renamed = new NamedInternal(joined.name)
  const subscriptionTopic =
    renamed.suffixWithOrElseGet('-subscription-registration', builder, SUBSCRIPTION_REGISTRATION) +
    '-topic'
  builder.topologyBuilder.addInternalTopic(subscriptionTopic)
  // The runtime needs the key and value serdes Kafka hands these processors: the foreign key
  // serde to compare foreign keys and build store keys, the primary serdes for the subscription
  // and the value hash (null ones are completed with the defaults when a task starts).
  const foreignKeySerde = foreign.keySerde as Serde<unknown> | null
  const primaryKeySerde = primary.keySerde as Serde<unknown> | null
  const primaryValueSerde = primary.valueSerde as Serde<unknown> | null
  const subscriptionSerde = subscriptionWrapperSerde(primaryKeySerde)
  const responseSerde = subscriptionResponseWrapperSerde(
    foreign.valueSerde as Serde<unknown> | null,
  )

  const send = new ProcessorGraphNode(
    renamed.suffixWithOrElseGet(
      '-subscription-registration-processor',
      builder,
      SUBSCRIPTION_REGISTRATION,
    ),
    operator('SubscriptionSend', {
      foreignKeyExtractor,
      leftJoin,
      subscriptionTopic,
      foreignKeySerde,
      primaryValueSerde,
    }),
  )
  builder.addGraphNode(primary.graphNode, send)
  const sink = new StreamSinkNode(
    renamed.suffixWithOrElseGet('-subscription-registration-sink', builder, Prefix.SINK),
    subscriptionTopic,
    foreignKeySerde,
    subscriptionSerde,
    (joined.otherPartitioner ?? null) as never,
  )
  builder.addGraphNode(send, sink)
  const source = new StreamSourceNode(
    renamed.suffixWithOrElseGet('-subscription-registration-source', builder, Prefix.SOURCE),
    [subscriptionTopic],
    null,
    { keySerde: foreignKeySerde, valueSerde: subscriptionSerde },
  )
  builder.addGraphNode(sink, source)

  const storeName = renamed.suffixWithOrElseGet('-subscription-store', builder, STATE_STORE)
  // Keyed by the combined key's bytes, as Kafka's Bytes-keyed subscription store.
  const subscriptionStore = Stores.timestampedKeyValueStoreBuilder(
    Stores.inMemoryKeyValueStore(storeName),
    Serdes.ByteArray(),
    subscriptionStoreValueSerde(),
  )
  const receive = new ProcessorGraphNode(
    renamed.suffixWithOrElseGet('-subscription-receive', builder, SUBSCRIPTION_PROCESSOR),
    operator('SubscriptionReceive', { storeName, foreignKeySerde, primaryKeySerde }),
    [],
    [subscriptionStore],
  )
  builder.addGraphNode(source, receive)
  const foreignStores = foreign.valueGetterStoreNames()
  const joinForeign = new ProcessorGraphNode(
    renamed.suffixWithOrElseGet('-subscription-join-foreign', builder, SUBSCRIPTION_PROCESSOR),
    operator('SubscriptionJoin', {
      foreignStoreNames: foreignStores,
      foreignValueGetter: foreign.valueGetter(),
    }),
    foreignStores,
  )
  builder.addGraphNode(receive, joinForeign)
  const foreignTableJoin = new ProcessorGraphNode(
    renamed.suffixWithOrElseGet('-foreign-join-subscription', builder, SUBSCRIPTION_PROCESSOR),
    operator('ForeignTableJoin', { storeName, foreignKeySerde, primaryKeySerde }),
    [],
    [subscriptionStore],
  )
  builder.addGraphNode(foreign.graphNode, foreignTableJoin)

  const responseTopic =
    renamed.suffixWithOrElseGet('-subscription-response', builder, SUBSCRIPTION_RESPONSE) + '-topic'
  builder.topologyBuilder.addInternalTopic(responseTopic)
  const responseSink = new StreamSinkNode(
    renamed.suffixWithOrElseGet('-subscription-response-sink', builder, Prefix.SINK),
    responseTopic,
    primaryKeySerde,
    responseSerde,
    (joined.partitioner ?? null) as never,
  )
  builder.addGraphNode([joinForeign, foreignTableJoin], responseSink)
  const responseSource = new StreamSourceNode(
    renamed.suffixWithOrElseGet('-subscription-response-source', builder, Prefix.SOURCE),
    [responseTopic],
    null,
    { keySerde: primaryKeySerde, valueSerde: responseSerde },
  )
  builder.addGraphNode(responseSink, responseSource)
  builder.topologyBuilder.copartitionSources([...foreign.subTopologySourceNodes, source.nodeName])
  const resultSources = union(primary.subTopologySourceNodes, [responseSource.nodeName])
  builder.topologyBuilder.copartitionSources(resultSources)

  const primaryStores = primary.valueGetterStoreNames()
  const resolver = new ProcessorGraphNode(
    renamed.suffixWithOrElseGet('-subscription-response-resolver', builder, RESPONSE_RESOLVER),
    operator('ResponseJoin', {
      joiner,
      leftJoin,
      primaryStoreNames: primaryStores,
      primaryValueGetter: primary.valueGetter(),
      primaryValueSerde,
    }),
    primaryStores,
  )
  builder.addGraphNode(responseSource, resolver)

  const resultName = renamed.suffixWithOrElseGet('-result', builder, OUTPUT)
  const internal = MaterializedInternal.of(materialized, builder, OUTPUT)
  internal.keySerde ??= primary.keySerde
  const materialization = new TableSourceMaterialization(
    internal.storeName,
    internal.queryableStoreName,
  )
  const result = new StreamToTableNode(
    resultName,
    operator('KTableSource', { storeName: internal.storeName, materialization }),
    internal.keyValueStore(),
    materialization,
  )
  builder.addGraphNode(resolver, result)
  return {
    name: resultName,
    node: result,
    materialization,
    sourceNodes: resultSources,
    keySerde: internal.keySerde,
    valueSerde: internal.valueSerde,
  }
}
