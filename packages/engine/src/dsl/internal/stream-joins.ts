// Stream–stream, stream–table and stream–globalTable joins, as KStreamImpl and
// KStreamImplJoin build them: repartitions per side, processor and store names, and the
// stores each join processor reads.
import type { Serde } from '../../serde/serde'
import { Serdes } from '../../serde/serdes'
import { StoreBuilder } from '../../state/store-builder'
import { Stores } from '../../state/stores'
import type { GlobalKTable } from '../global-ktable'
import type { Joined } from '../joined'
import type { KeyValueMapper, KStream, ValueJoiner } from '../kstream'
import type { KTable } from '../ktable'
import type { Named } from '../named'
import { StreamJoined } from '../stream-joined'
import type { JoinWindows } from '../windows'
import { operator, union } from './abstract-stream'
import { ProcessorGraphNode, StreamStreamJoinNode, StreamTableJoinNode } from './graph-nodes'
import { NamedInternal, Prefix } from './names'
import { createRepartitionedSource } from './repartition'

export type JoinKind = 'inner' | 'left' | 'outer'

/**
 * `KStreamImpl#repartitionForJoin`: the triple is always generated (burning counter values),
 * but a stream joined repeatedly under its own name reuses its first repartition node.
 */
export function repartitionForJoin<K, V>(
  stream: KStream<K, V>,
  repartitionName: string,
  keySerde: Serde<K> | null,
  valueSerde: Serde<V> | null,
): KStream<K, V> {
  const node = createRepartitionedSource(stream.builder, 'optimizable', repartitionName, {
    keySerde: (keySerde ?? stream.keySerde) as Serde<unknown> | null,
    valueSerde: (valueSerde ?? stream.valueSerde) as Serde<unknown> | null,
  })
  if (stream.repartitionNode === null || stream.name !== repartitionName) {
    stream.repartitionNode = node
    stream.builder.addGraphNode(stream.graphNode, node)
  }
  const repartition = stream.repartitionNode
  return stream.derive(
    repartition,
    false,
    keySerde ?? stream.keySerde,
    valueSerde ?? stream.valueSerde,
    [node.nodeName],
  )
}

function joinWindowStore(
  name: string,
  windows: JoinWindows,
  joined: StreamJoined<unknown, unknown, unknown>,
  valueSerde: Serde<unknown> | null,
): StoreBuilder {
  const supplier = Stores.inMemoryWindowStore(
    name,
    windows.size() + windows.gracePeriodMs(),
    windows.size(),
    true,
  )
  const builder = Stores.windowStoreBuilder(supplier, joined.keySerde, valueSerde)
  return joined.loggingEnabled
    ? builder.withLoggingEnabled(joined.logConfig)
    : builder.withLoggingDisabled()
}

export function streamStreamJoin<K, V, VO, VR>(
  kind: JoinKind,
  left: KStream<K, V>,
  right: KStream<K, VO>,
  joiner: ValueJoiner<V, VO, VR>,
  windows: JoinWindows,
  streamJoined: StreamJoined<K, V, VO> | undefined,
): KStream<K, VR> {
  if (windows === undefined || windows === null) {
    throw new TypeError('A stream–stream join needs JoinWindows')
  }
  const joined = (streamJoined ?? StreamJoined.with<K, V, VO>(null, null, null)) as StreamJoined<
    unknown,
    unknown,
    unknown
  >
  const named = new NamedInternal(joined.name)
  let thisStream: KStream<K, V> = left
  let otherStream: KStream<K, VO> = right
  if (thisStream.repartitionRequired) {
    thisStream = repartitionForJoin(
      thisStream,
      named.suffixWithOrElse('-left', thisStream.name),
      joined.keySerde as Serde<K> | null,
      joined.valueSerde as Serde<V> | null,
    )
  }
  if (otherStream.repartitionRequired) {
    otherStream = repartitionForJoin(
      otherStream,
      named.suffixWithOrElse('-right', otherStream.name),
      joined.keySerde as Serde<K> | null,
      joined.otherValueSerde as Serde<VO> | null,
    )
  }
  const builder = left.builder
  const leftOuter = kind !== 'inner'
  const rightOuter = kind === 'outer'
  const joinThisSuffix = rightOuter ? '-outer-this-join' : '-this-join'
  const joinOtherSuffix = leftOuter ? '-outer-other-join' : '-other-join'
  const thisWindowedName = named.suffixWithOrElseGet('-this-windowed', builder, Prefix.WINDOWED)
  const otherWindowedName = named.suffixWithOrElseGet('-other-windowed', builder, Prefix.WINDOWED)
  const joinThisGenerated = builder.newProcessorName(
    rightOuter ? Prefix.OUTERTHIS : Prefix.JOINTHIS,
  )
  const joinOtherGenerated = builder.newProcessorName(
    leftOuter ? Prefix.OUTEROTHER : Prefix.JOINOTHER,
  )
  const joinThisName = named.suffixWithOrElse(joinThisSuffix, joinThisGenerated)
  const joinOtherName = named.suffixWithOrElse(joinOtherSuffix, joinOtherGenerated)
  const mergeName = named.suffixWithOrElseGet('-merge', builder, Prefix.MERGE)

  if (
    joined.thisStoreSupplier !== null &&
    joined.otherStoreSupplier !== null &&
    joined.thisStoreSupplier.name === joined.otherStoreSupplier.name
  ) {
    throw new TypeError(
      'Both StoreSuppliers have the same name.  StoreSuppliers must provide unique names',
    )
  }
  const baseStoreName = joined.storeName
  const thisStore =
    joined.thisStoreSupplier !== null
      ? Stores.windowStoreBuilder(joined.thisStoreSupplier, joined.keySerde, joined.valueSerde)
      : joinWindowStore(
          `${baseStoreName === null ? joinThisGenerated : baseStoreName + joinThisSuffix}-store`,
          windows,
          joined,
          joined.valueSerde,
        )
  const otherStore =
    joined.otherStoreSupplier !== null
      ? Stores.windowStoreBuilder(
          joined.otherStoreSupplier,
          joined.keySerde,
          joined.otherValueSerde,
        )
      : joinWindowStore(
          `${baseStoreName === null ? joinOtherGenerated : baseStoreName + joinOtherSuffix}-store`,
          windows,
          joined,
          joined.otherValueSerde,
        )

  const thisWindowed = new ProcessorGraphNode(
    thisWindowedName,
    operator('KStreamJoinWindow', { storeName: thisStore.name }),
  )
  builder.addGraphNode(thisStream.graphNode, thisWindowed)
  const otherWindowed = new ProcessorGraphNode(
    otherWindowedName,
    operator('KStreamJoinWindow', { storeName: otherStore.name }),
  )
  builder.addGraphNode(otherStream.graphNode, otherWindowed)

  let sharedStore: StoreBuilder | null = null
  if (leftOuter && windows.enableSpuriousResultFix) {
    const outerSuffix = rightOuter ? '-outer-shared-join' : '-left-shared-join'
    const sharedName =
      joined.thisStoreSupplier !== null && joined.thisStoreSupplier.name.length > 0
        ? joined.thisStoreSupplier.name + outerSuffix
        : baseStoreName !== null
          ? baseStoreName + outerSuffix
          : 'KSTREAM-OUTERSHARED-' +
            joinThisGenerated.slice((rightOuter ? Prefix.OUTERTHIS : Prefix.JOINTHIS).length)
    const supplier = Stores.inMemoryKeyValueStore(`${sharedName}-store`)
    // The join processors encode Kafka's TimestampedKeyAndJoinSide keys and lists of
    // LeftOrRightValue themselves (with the serdes below, or the defaults), so the store
    // holds bytes.
    sharedStore = new StoreBuilder(supplier, 'keyValue', Serdes.ByteArray(), Serdes.ByteArray())
    if (joined.loggingEnabled) sharedStore.withLoggingEnabled(joined.logConfig)
    else sharedStore.withLoggingDisabled()
  }

  const common = {
    joiner,
    windows,
    thisStoreName: thisStore.name,
    otherStoreName: otherStore.name,
    sharedStoreName: sharedStore?.name ?? null,
    keySerde: joined.keySerde,
    valueSerde: joined.valueSerde,
    otherValueSerde: joined.otherValueSerde,
  }
  const joinNode = new StreamStreamJoinNode(
    mergeName,
    {
      name: joinThisName,
      logic: operator('KStreamKStreamJoin', {
        ...common,
        side: 'left',
        outer: leftOuter,
        otherOuter: rightOuter,
      }),
    },
    {
      name: joinOtherName,
      logic: operator('KStreamKStreamJoin', {
        ...common,
        side: 'right',
        outer: rightOuter,
        otherOuter: leftOuter,
      }),
    },
    operator('KStreamPassThrough'),
    thisWindowedName,
    otherWindowedName,
    thisStore,
    otherStore,
    sharedStore,
    union(thisStream.subTopologySourceNodes, otherStream.subTopologySourceNodes),
    kind === 'inner',
    operator('KStreamKStreamSelfJoin', { joiner, windows, storeName: thisStore.name }),
  )
  builder.addGraphNode([thisStream.graphNode, otherStream.graphNode], joinNode)
  return left.derive(
    joinNode,
    false,
    (joined.keySerde ?? null) as Serde<K> | null,
    null,
    union(thisStream.subTopologySourceNodes, otherStream.subTopologySourceNodes),
  )
}

export function streamTableJoin<K, V, VT, VR>(
  kind: Exclude<JoinKind, 'outer'>,
  stream: KStream<K, V>,
  table: KTable<K, VT>,
  joiner: ValueJoiner<V, VT, VR>,
  joined: Joined<K, V, VT> | undefined,
): KStream<K, VR> {
  const joinName = joined?.name ?? null
  let left: KStream<K, V> = stream
  if (left.repartitionRequired) {
    left = repartitionForJoin(
      left,
      joinName ?? left.name,
      joined?.keySerde ?? null,
      joined?.valueSerde ?? null,
    )
  }
  const builder = stream.builder
  const name = new NamedInternal(joinName).orElseGenerateWithPrefix(
    builder,
    kind === 'left' ? Prefix.LEFTJOIN : Prefix.JOIN,
  )
  const storeNames = table.valueGetterStoreNames()
  const node = new StreamTableJoinNode(
    name,
    operator('KStreamKTableJoin', {
      joiner,
      leftJoin: kind === 'left',
      storeNames,
      valueGetter: table.valueGetter(),
      gracePeriodMs: joined?.gracePeriodMs ?? null,
    }),
    storeNames,
    union(left.subTopologySourceNodes, table.subTopologySourceNodes),
  )
  builder.addGraphNode(left.graphNode, node)
  return left.derive(
    node,
    false,
    (joined?.keySerde ?? left.keySerde) as Serde<K> | null,
    null,
    union(left.subTopologySourceNodes, table.subTopologySourceNodes),
  )
}

export function streamGlobalTableJoin<K, V, GK, GV, VR>(
  kind: Exclude<JoinKind, 'outer'>,
  stream: KStream<K, V>,
  globalTable: GlobalKTable<GK, GV>,
  keySelector: KeyValueMapper<K, V, GK>,
  joiner: ValueJoiner<V, GV, VR>,
  named: Named | undefined,
): KStream<K, VR> {
  // Kafka names both inner and left stream–globalTable joins KSTREAM-LEFTJOIN-.
  const name = new NamedInternal(named?.name ?? null).orElseGenerateWithPrefix(
    stream.builder,
    Prefix.LEFTJOIN,
  )
  const node = new StreamTableJoinNode(
    name,
    operator('KStreamGlobalKTableJoin', {
      keySelector,
      joiner,
      leftJoin: kind === 'left',
      storeName: globalTable.storeName,
    }),
    [],
    null,
  )
  stream.builder.addGraphNode(stream.graphNode, node)
  return stream.derive(node, stream.repartitionRequired, stream.keySerde, null)
}
