// The record-at-a-time KStream operators and the KTable-to-stream bridge, as Kafka's
// KStreamFilter, KStreamMap, KStreamFlatMap, KStreamPeek, KStreamBranch and friends.
import type { Record } from '../../processor/record'
import type { Change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import { iterableOf, keyValueOf, valueMapper } from './call-user'
import type { OperatorFactory, OperatorProcessor } from './operator-processor'
import { param } from './operator-processor'

type KeyValueFn = (key: unknown, value: unknown) => unknown

/** Builds a processor whose only state is the context captured at init. */
function withContext(
  process: (context: InternalProcessorContext, record: Record<unknown, unknown>) => void,
): OperatorProcessor {
  let context: InternalProcessorContext
  return {
    init(ctx) {
      context = ctx
    },
    process(record) {
      process(context, record)
    },
  }
}

const passThrough: OperatorFactory = () => withContext((ctx, record) => ctx.forward(record))

export const statelessOperators: { readonly [operator: string]: OperatorFactory } = {
  KStreamFilter(def) {
    const predicate = param<KeyValueFn>(def, 'predicate')
    const negate = param<boolean>(def, 'negate')
    return withContext((ctx, record) => {
      if (Boolean(predicate(record.key(), record.value())) !== negate) ctx.forward(record)
    })
  },
  KStreamMap(def) {
    const mapper = param<KeyValueFn>(def, 'mapper')
    return withContext((ctx, record) => {
      const pair = keyValueOf(mapper(record.key(), record.value()), 'map() mapper')
      ctx.forward(record.withKey(pair.key).withValue(pair.value))
    })
  },
  KStreamMapValues(def) {
    const mapper = valueMapper(param(def, 'mapper'))
    return withContext((ctx, record) => {
      ctx.forward(record.withValue(mapper(record.key(), record.value())))
    })
  },
  KStreamFlatMap(def) {
    const mapper = param<KeyValueFn>(def, 'mapper')
    return withContext((ctx, record) => {
      for (const item of iterableOf(mapper(record.key(), record.value()), 'flatMap() mapper')) {
        const pair = keyValueOf(item, 'flatMap() mapper')
        ctx.forward(record.withKey(pair.key).withValue(pair.value))
      }
    })
  },
  KStreamFlatMapValues(def) {
    const mapper = valueMapper(param(def, 'mapper'))
    return withContext((ctx, record) => {
      const values = iterableOf(mapper(record.key(), record.value()), 'flatMapValues() mapper')
      for (const value of values) ctx.forward(record.withValue(value))
    })
  },
  KStreamKeySelect(def) {
    const mapper = param<KeyValueFn>(def, 'mapper')
    return withContext((ctx, record) => {
      ctx.forward(record.withKey(mapper(record.key(), record.value())))
    })
  },
  KStreamPeek(def) {
    const action = param<KeyValueFn>(def, 'action')
    return withContext((ctx, record) => {
      action(record.key(), record.value())
      ctx.forward(record)
    })
  },
  KStreamForeach(def) {
    const action = param<KeyValueFn>(def, 'action')
    return { process: (record) => void action(record.key(), record.value()) }
  },
  KStreamBranch(def) {
    const predicates = param<readonly KeyValueFn[]>(def, 'predicates')
    const childNames = param<readonly string[]>(def, 'childNames')
    return withContext((ctx, record) => {
      // The first matching predicate wins; a default branch is the child after the predicates.
      for (let i = 0; i < predicates.length; i++) {
        if ((predicates[i] as KeyValueFn)(record.key(), record.value())) {
          const child = childNames[i]
          if (child !== undefined) ctx.forward(record, child)
          return
        }
      }
      const defaultChild = childNames[predicates.length]
      if (defaultChild !== undefined) ctx.forward(record, defaultChild)
    })
  },
  KStreamPassThrough: passThrough,
  // Kafka's filter before a repartition topic: `k != null` (dropping silently, as any filter)
  // unless a join downstream tolerates null keys (KIP-962), then everything passes.
  RepartitionNullKeyFilter(def, node) {
    if (def['dropNullKeys'] !== true) return passThrough(def, node)
    return withContext((ctx, record) => {
      if (record.key() !== null && record.key() !== undefined) ctx.forward(record)
    })
  },
  KTablePassThrough: passThrough,
  KTableToStream: () =>
    withContext((ctx, record) => {
      ctx.forward(record.withValue((record.value() as Change<unknown>).newValue))
    }),
}
