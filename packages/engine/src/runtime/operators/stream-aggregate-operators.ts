// count/reduce/aggregate of a grouped stream, as Kafka's KStreamAggregate and KStreamReduce:
// null keys and values are dropped; the result carries max(input ts, previous result ts).
import type { Record } from '../../processor/record'
import type { TimestampedKeyValueStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import type { OperatorFactory, OperatorProcessor } from './operator-processor'
import { param, sendOldValues } from './operator-processor'
import { TableForwarder } from './table-forwarder'

type Aggregate = (
  key: unknown,
  value: unknown,
  previous: ValueAndTimestamp<unknown> | null,
) => { aggregate: unknown; oldAggregate: unknown }

function dropNullKeyOrValue(
  context: InternalProcessorContext,
  record: Record<unknown, unknown>,
): boolean {
  if (record.key() !== null && record.key() !== undefined && record.value() !== null) return false
  const rc = context.recordContext()
  context.recordDropped(
    record.key() === null ? 'null-key' : 'null-value',
    `Skipping record due to null key or value. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`,
  )
  return true
}

function keyedAggregation(
  storeName: string,
  sendOld: boolean,
  aggregate: Aggregate,
): OperatorProcessor {
  let context: InternalProcessorContext
  let store: TimestampedKeyValueStore<unknown, unknown>
  let forwarder: TableForwarder
  return {
    init(ctx) {
      context = ctx
      store = ctx.getStateStore(storeName)
      forwarder = new TableForwarder(ctx, storeName, sendOld)
    },
    process(record) {
      if (dropNullKeyOrValue(context, record)) return
      const previous = store.get(record.key())
      const { aggregate: result, oldAggregate } = aggregate(record.key(), record.value(), previous)
      const timestamp =
        previous === null ? record.timestamp() : Math.max(record.timestamp(), previous.timestamp())
      store.put(record.key(), ValueAndTimestamp.make(result, timestamp))
      forwarder.maybeForward(
        record.withValue(change(result, sendOld ? oldAggregate : null)).withTimestamp(timestamp),
      )
    },
  }
}

type Initializer = () => unknown
type Aggregator = (key: unknown, value: unknown, aggregate: unknown) => unknown
type Reducer = (aggregate: unknown, value: unknown) => unknown

/** The initializer and aggregator of an aggregate, or count's. */
export function aggregatorOf(def: Parameters<OperatorFactory>[0]): {
  initializer: Initializer
  aggregator: Aggregator
} {
  if (def['count'] === true) {
    return { initializer: () => 0, aggregator: (_k, _v, count) => (count as number) + 1 }
  }
  return {
    initializer: param<Initializer>(def, 'initializer'),
    aggregator: param<Aggregator>(def, 'aggregator'),
  }
}

export const streamAggregateOperators: { readonly [operator: string]: OperatorFactory } = {
  KStreamAggregate(def) {
    const { initializer, aggregator } = aggregatorOf(def)
    return keyedAggregation(param(def, 'storeName'), sendOldValues(def), (key, value, previous) => {
      // As Kafka, the "old" value of a first aggregate is the initializer's result.
      const oldAggregate = previous === null ? initializer() : previous.value()
      return { aggregate: aggregator(key, value, oldAggregate), oldAggregate }
    })
  },
  KStreamReduce(def) {
    const reducer = param<Reducer>(def, 'reducer')
    return keyedAggregation(param(def, 'storeName'), sendOldValues(def), (_key, value, previous) =>
      previous === null
        ? { aggregate: value, oldAggregate: null }
        : { aggregate: reducer(previous.value(), value), oldAggregate: previous.value() },
    )
  },
}
