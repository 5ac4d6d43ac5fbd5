// Foreign-key table joins, as Kafka's SubscriptionSendProcessorSupplier,
// SubscriptionReceiveProcessorSupplier, SubscriptionJoinProcessorSupplier,
// ForeignTableJoinProcessorSupplier and ResponseJoinProcessorSupplier. A primary row subscribes
// to its foreign key through the subscription topic; the foreign side keeps subscriptions in
// a store keyed by (foreign key, primary key) and answers on the response topic, both when a
// subscription arrives and when the foreign row changes; the primary side drops answers whose
// value hash no longer matches its row (a newer update is on its way) and joins the rest.
import {
  CombinedKey,
  combinedKeyBytes,
  hashHex,
  sameHash,
  splitCombinedKey,
  SubscriptionResponseWrapper,
  SubscriptionWrapper,
  WRAPPER_VERSION,
  type SubscriptionInstruction,
} from '../../dsl/internal/foreign-key-wrappers'
import { murmur3Hash128 } from '../../dsl/internal/murmur3'
import type { TableValueGetter } from '../../dsl/internal/table-value-getter'
import type { Record } from '../../processor/record'
import type { Serde } from '../../serde/serde'
import { Serdes } from '../../serde/serdes'
import type { TimestampedKeyValueStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change, type Change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import { StreamsException } from '../streams-exception'
import { valueJoiner, valueMapper } from './call-user'
import type { OperatorFactory } from './operator-processor'
import { param } from './operator-processor'
import { createValueGetter, type ValueGetter } from './value-getter'

/** The topic name primary values are serialized under for their hash, on both sides. */
const VALUE_HASH_PSEUDO_TOPIC = 'fk-join-value-hash'

type SubscriptionStore = TimestampedKeyValueStore<Uint8Array, SubscriptionWrapper<null>>

/** The given serde, else the application's default, as Kafka's processors take context.keySerde(). */
function serdeOrDefault(
  context: InternalProcessorContext,
  serde: Serde<unknown> | null,
  which: 'key' | 'value',
  node: string,
): Serde<unknown> {
  const chosen =
    serde ?? (which === 'key' ? context.config.defaultKeySerde : context.config.defaultValueSerde)
  if (chosen === null) {
    throw new StreamsException(
      `Foreign-key join processor ${node} needs a ${which} serde: set default.${which}.serde or give the tables serdes`,
    )
  }
  return chosen
}

function bytesOf(serde: Serde<unknown>, topic: string, data: unknown): Uint8Array {
  return serde.serialize(topic, data) ?? new Uint8Array(0)
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

function dropNullForeignKey(context: InternalProcessorContext): void {
  const rc = context.recordContext()
  context.recordDropped(
    'null-key',
    `Skipping record due to null foreign key. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`,
  )
}

function isNull(value: unknown): value is null | undefined {
  return value === null || value === undefined
}

export const foreignKeyJoinOperators: { readonly [operator: string]: OperatorFactory } = {
  SubscriptionSend(def, node) {
    const extract = valueMapper(param(def, 'foreignKeyExtractor'))
    const leftJoin = param<boolean>(def, 'leftJoin')
    const subscriptionTopic = param<string>(def, 'subscriptionTopic')
    let context: InternalProcessorContext
    let foreignKeySerde: Serde<unknown>
    let valueSerde: Serde<unknown>

    const foreignKeyOf = (key: unknown, value: unknown): unknown => {
      if (value === null) return null
      const foreignKey = extract(key, value)
      return foreignKey === undefined ? null : foreignKey
    }
    const foreignKeyBytes = (foreignKey: unknown): Uint8Array | null =>
      foreignKey === null ? null : foreignKeySerde.serialize(subscriptionTopic, foreignKey)

    return {
      init(ctx) {
        context = ctx
        foreignKeySerde = serdeOrDefault(ctx, param(def, 'foreignKeySerde'), 'key', node.name)
        valueSerde = serdeOrDefault(ctx, param(def, 'primaryValueSerde'), 'value', node.name)
      },
      process(record) {
        const key = record.key()
        const update = record.value() as Change<unknown>
        let hash: Uint8Array | null | undefined
        // The hash of the new value, computed once per record: the response must still match it.
        const valueHash = (): Uint8Array | null => {
          hash ??=
            update.newValue === null
              ? null
              : murmur3Hash128(bytesOf(valueSerde, VALUE_HASH_PSEUDO_TOPIC, update.newValue))
          return hash
        }
        const send = (foreignKey: unknown, instruction: SubscriptionInstruction) =>
          context.forward(
            record
              .withKey(foreignKey)
              .withValue(
                new SubscriptionWrapper(
                  valueHash(),
                  instruction,
                  key,
                  context.recordContext().partition,
                ),
              ),
          )
        const oldForeignKey = foreignKeyOf(key, update.oldValue)
        if (leftJoin) {
          // Nothing to answer for deleting a row that did not exist.
          if (update.oldValue === null && update.newValue === null) return
          const newForeignKey = foreignKeyOf(key, update.newValue)
          if (
            oldForeignKey !== null &&
            !sameBytes(foreignKeyBytes(newForeignKey), foreignKeyBytes(oldForeignKey))
          ) {
            // The new subscription may live elsewhere: unsubscribe from the old foreign key.
            send(oldForeignKey, 'DELETE_KEY_NO_PROPAGATE')
          }
          // Every change gets an answer, even a delete or a null foreign key (sent with a null
          // key, which subscribes to nothing), so the left join always emits.
          send(newForeignKey, 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE')
          return
        }
        if (update.newValue === null) {
          if (oldForeignKey !== null) send(oldForeignKey, 'DELETE_KEY_AND_PROPAGATE')
          return
        }
        const newForeignKey = foreignKeyOf(key, update.newValue)
        if (newForeignKey === null) {
          dropNullForeignKey(context)
          if (oldForeignKey !== null) send(oldForeignKey, 'DELETE_KEY_AND_PROPAGATE')
          return
        }
        if (oldForeignKey === null) {
          // A new row: no earlier result to delete if the foreign row is missing.
          send(newForeignKey, 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE')
        } else if (!sameBytes(foreignKeyBytes(newForeignKey), foreignKeyBytes(oldForeignKey))) {
          send(oldForeignKey, 'DELETE_KEY_NO_PROPAGATE')
          // Answer even without a foreign row, to delete the result of the old foreign key.
          send(newForeignKey, 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE')
        } else {
          // Same foreign key: if it does not join now, it did not join before either.
          send(newForeignKey, 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE')
        }
      },
    }
  },

  SubscriptionReceive(def, node) {
    const storeName = param<string>(def, 'storeName')
    let context: InternalProcessorContext
    let store: SubscriptionStore
    let foreignKeySerde: Serde<unknown>
    let primaryKeySerde: Serde<unknown>
    return {
      init(ctx) {
        context = ctx
        store = ctx.getStateStore(storeName)
        foreignKeySerde = serdeOrDefault(ctx, param(def, 'foreignKeySerde'), 'key', node.name)
        primaryKeySerde = serdeOrDefault(ctx, param(def, 'primaryKeySerde'), 'key', node.name)
      },
      process(record) {
        const foreignKey = record.key()
        const wrapper = record.value() as SubscriptionWrapper<unknown>
        if (isNull(foreignKey) && wrapper.instruction !== 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE') {
          dropNullForeignKey(context)
          return
        }
        if (wrapper.version > WRAPPER_VERSION) {
          throw new StreamsException('SubscriptionWrapper is of an incompatible version.')
        }
        const newValue = ValueAndTimestamp.make(wrapper, record.timestamp())
        let oldValue: ValueAndTimestamp<unknown> | null = null
        // A left join's null foreign key subscribes to nothing: it only asks for an answer.
        if (!isNull(foreignKey)) {
          const subscriptionKey = combinedKeyBytes(
            bytesOf(foreignKeySerde, storeName, foreignKey),
            bytesOf(primaryKeySerde, storeName, wrapper.primaryKey),
          )
          oldValue = store.get(subscriptionKey)
          if (
            wrapper.instruction === 'DELETE_KEY_AND_PROPAGATE' ||
            wrapper.instruction === 'DELETE_KEY_NO_PROPAGATE'
          ) {
            store.delete(subscriptionKey)
          } else {
            const stored = new SubscriptionWrapper(
              wrapper.hash,
              wrapper.instruction,
              null,
              wrapper.primaryPartition,
              wrapper.version,
            )
            store.put(subscriptionKey, ValueAndTimestamp.make(stored, record.timestamp()))
          }
        }
        context.forward(
          record
            .withKey(new CombinedKey(isNull(foreignKey) ? null : foreignKey, wrapper.primaryKey))
            .withValue(change(newValue, oldValue)),
        )
      },
    }
  },

  SubscriptionJoin(def) {
    const foreignValueGetter = param<TableValueGetter>(def, 'foreignValueGetter')
    let context: InternalProcessorContext
    let foreignValues: ValueGetter
    return {
      init(ctx) {
        context = ctx
        foreignValues = createValueGetter(foreignValueGetter, ctx)
      },
      process(record) {
        const key = record.key() as CombinedKey
        const subscription = (record.value() as Change<ValueAndTimestamp<SubscriptionWrapper>>)
          .newValue
        if (subscription === null) {
          throw new StreamsException('This processor should never see a null newValue.')
        }
        const wrapper = subscription.value()
        if (wrapper.version > WRAPPER_VERSION) {
          throw new StreamsException('SubscriptionWrapper is of an incompatible version.')
        }
        const foreign = isNull(key.foreignKey) ? null : foreignValues(key.foreignKey)
        const timestamp =
          foreign === null
            ? subscription.timestamp()
            : Math.max(subscription.timestamp(), foreign.timestamp())
        const respond = (foreignValue: unknown) =>
          context.forward(
            record
              .withKey(key.primaryKey)
              .withValue(
                new SubscriptionResponseWrapper(
                  wrapper.hash,
                  foreignValue,
                  wrapper.primaryPartition,
                ),
              )
              .withTimestamp(timestamp),
          )
        switch (wrapper.instruction) {
          case 'DELETE_KEY_AND_PROPAGATE':
            respond(null)
            break
          case 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE':
            // The foreign key changed (or the row went): the primary side must hear even "none".
            respond(foreign === null ? null : foreign.value())
            break
          case 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE':
            if (foreign !== null) respond(foreign.value())
            break
          case 'DELETE_KEY_NO_PROPAGATE':
            break
        }
      },
    }
  },

  ForeignTableJoin(def, node) {
    const storeName = param<string>(def, 'storeName')
    let context: InternalProcessorContext
    let store: SubscriptionStore
    let foreignKeySerde: Serde<unknown>
    let primaryKeySerde: Serde<unknown>
    return {
      init(ctx) {
        context = ctx
        store = ctx.getStateStore(storeName)
        foreignKeySerde = serdeOrDefault(ctx, param(def, 'foreignKeySerde'), 'key', node.name)
        primaryKeySerde = serdeOrDefault(ctx, param(def, 'primaryKeySerde'), 'key', node.name)
      },
      process(record) {
        const foreignKey = record.key()
        if (isNull(foreignKey)) {
          const rc = context.recordContext()
          context.recordDropped(
            'null-key',
            `Skipping record due to null key. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`,
          )
          return
        }
        const update = record.value() as Change<unknown>
        const prefix = combinedKeyBytes(bytesOf(foreignKeySerde, storeName, foreignKey), null)
        // Every primary row subscribed to this foreign key gets the new foreign value.
        const subscribers: Record<unknown, unknown>[] = []
        const iterator = store.prefixScan(prefix, Serdes.ByteArray())
        try {
          for (const entry of iterator) {
            const subscription = entry.value.value()
            const primaryKey = primaryKeySerde.deserialize(
              storeName,
              splitCombinedKey(entry.key).primaryKey,
            )
            subscribers.push(
              record
                .withKey(primaryKey)
                .withValue(
                  new SubscriptionResponseWrapper(
                    subscription.hash,
                    update.newValue,
                    subscription.primaryPartition,
                  ),
                ),
            )
          }
        } finally {
          iterator.close()
        }
        for (const response of subscribers) context.forward(response)
      },
    }
  },

  ResponseJoin(def, node) {
    const joiner = valueJoiner(param(def, 'joiner'))
    const leftJoin = param<boolean>(def, 'leftJoin')
    const primaryValueGetter = param<TableValueGetter>(def, 'primaryValueGetter')
    let context: InternalProcessorContext
    let primaryValues: ValueGetter
    let valueSerde: Serde<unknown>
    return {
      init(ctx) {
        context = ctx
        primaryValues = createValueGetter(primaryValueGetter, ctx)
        valueSerde = serdeOrDefault(ctx, param(def, 'primaryValueSerde'), 'value', node.name)
      },
      process(record) {
        const response = record.value() as SubscriptionResponseWrapper<unknown>
        if (response.version !== WRAPPER_VERSION) {
          throw new StreamsException('SubscriptionResponseWrapper is of an incompatible version.')
        }
        const key = record.key()
        const current = primaryValues(key)
        const currentHash =
          current === null
            ? null
            : murmur3Hash128(bytesOf(valueSerde, VALUE_HASH_PSEUDO_TOPIC, current.value()))
        // An answer to an older version of the row is stale: the newer one's answer follows.
        if (!sameHash(response.originalValueHash, currentHash)) {
          context.recordDropped(
            'unknown',
            `Dropping FK-join response due to hash mismatch. Expected ${hashHex(response.originalValueHash)}. Actual ${hashHex(currentHash)}`,
          )
          return
        }
        const result =
          response.foreignValue === null && (!leftJoin || current === null)
            ? null
            : joiner(key, current === null ? null : current.value(), response.foreignValue)
        context.forward(record.withValue(result))
      },
    }
  },
}
