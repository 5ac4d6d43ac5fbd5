// Table re-grouping and its aggregations, as Kafka's KTableRepartitionMap, KTableAggregate and
// KTableReduce: groupBy maps an update's old and new values separately (one record when both
// land on the same key, else a subtract record for the old key before an add record for the
// new one); the aggregation applies the subtractor to the old value, then the adder to the new.
import type { Record } from '../../processor/record'
import type { TimestampedKeyValueStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change, type Change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import { StreamsException } from '../streams-exception'
import { keyValueOf } from './call-user'
import type { OperatorFactory, OperatorProcessor } from './operator-processor'
import { param, sendOldValues } from './operator-processor'
import { TableForwarder } from './table-forwarder'

type Selector = (key: unknown, value: unknown) => unknown

/** Kafka compares the selected keys with equals(); plain objects compare by content here. */
function sameKey(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  const equals = (a as { equals?: unknown }).equals
  if (typeof equals === 'function') return Boolean((equals as (o: unknown) => unknown).call(a, b))
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The selected pair, or null when the selector gave nothing usable (null pair, key or value). */
function select(
  selector: Selector,
  key: unknown,
  value: unknown,
): { key: unknown; value: unknown } | null {
  if (value === null) return null
  const result = selector(key, value)
  if (result === null || result === undefined) return null
  const pair = keyValueOf(result, 'groupBy() selector')
  if (pair.key === null || pair.key === undefined || pair.value === null) return null
  return pair
}

/**
 * One step of a table aggregation: what the subtractor makes of the previous aggregate and
 * what the adder makes of that; null for "nothing" (the key is then deleted).
 */
interface TableAggregation {
  subtract(key: unknown, oldValue: unknown, aggregate: unknown): unknown
  add(key: unknown, newValue: unknown, aggregate: unknown | null): unknown
  readonly what: string
}

function tableAggregation(
  def: Parameters<OperatorFactory>[0],
  aggregation: TableAggregation,
): OperatorProcessor {
  const storeName = param<string>(def, 'storeName')
  let store: TimestampedKeyValueStore<unknown, unknown>
  let forwarder: TableForwarder
  let sendOld = false
  return {
    init(ctx) {
      sendOld = sendOldValues(def)
      store = ctx.getStateStore(storeName)
      forwarder = new TableForwarder(ctx, storeName, sendOld)
    },
    process(record) {
      const key = record.key()
      if (key === null || key === undefined) {
        throw new StreamsException(
          `Record key for KTable ${aggregation.what} operator with state ${storeName} should not be null.`,
        )
      }
      const update = record.value() as Change<unknown>
      const previous = store.get(key)
      const oldAggregate = ValueAndTimestamp.getValueOrNull(previous)
      let timestamp = record.timestamp()
      let intermediate = oldAggregate
      if (update.oldValue !== null && previous !== null && oldAggregate !== null) {
        intermediate = aggregation.subtract(key, update.oldValue, oldAggregate)
        timestamp = Math.max(record.timestamp(), previous.timestamp())
      }
      let newAggregate = intermediate
      if (update.newValue !== null) {
        newAggregate = aggregation.add(key, update.newValue, intermediate)
        if (previous !== null) timestamp = Math.max(record.timestamp(), previous.timestamp())
      }
      store.put(key, ValueAndTimestamp.make(newAggregate, timestamp))
      forwarder.maybeForward(
        record
          .withValue(change(newAggregate, sendOld ? oldAggregate : null, update.isLatest))
          .withTimestamp(timestamp),
      )
    },
  }
}

type Initializer = () => unknown
type Aggregator = (key: unknown, value: unknown, aggregate: unknown) => unknown
type Reducer = (aggregate: unknown, value: unknown) => unknown

export const tableAggregateOperators: { readonly [operator: string]: OperatorFactory } = {
  KTableRepartitionMap(def) {
    const selector = param<Selector>(def, 'selector')
    let context: InternalProcessorContext
    const forward = (record: Record<unknown, Change<unknown>>) => context.forward(record)
    return {
      init(ctx) {
        context = ctx
      },
      process(record) {
        const key = record.key()
        if (key === null || key === undefined) {
          throw new StreamsException('Record key for the grouping KTable should not be null.')
        }
        const update = record.value() as Change<unknown>
        const newPair = select(selector, key, update.newValue)
        const oldPair = select(selector, key, update.oldValue)
        // The subtract goes first, as the aggregation applies it first.
        if (oldPair !== null && newPair !== null && sameKey(oldPair.key, newPair.key)) {
          forward(
            record
              .withKey(oldPair.key)
              .withValue(change(newPair.value, oldPair.value, update.isLatest)),
          )
          return
        }
        if (oldPair !== null) {
          forward(
            record.withKey(oldPair.key).withValue(change(null, oldPair.value, update.isLatest)),
          )
        }
        if (newPair !== null) {
          forward(
            record.withKey(newPair.key).withValue(change(newPair.value, null, update.isLatest)),
          )
        }
      },
    }
  },
  KTableAggregate(def) {
    if (def['count'] === true) {
      // count() is an aggregate counting ±1: it never drops to "nothing", so keys stay at 0.
      return tableAggregation(def, {
        what: 'aggregate',
        subtract: (_key, _value, count) => (count as number) - 1,
        add: (_key, _value, count) => (count === null ? 0 : (count as number)) + 1,
      })
    }
    const initializer = param<Initializer>(def, 'initializer')
    const adder = param<Aggregator>(def, 'adder')
    const subtractor = param<Aggregator>(def, 'subtractor')
    return tableAggregation(def, {
      what: 'aggregate',
      subtract: (key, value, aggregate) => subtractor(key, value, aggregate),
      add: (key, value, aggregate) =>
        adder(key, value, aggregate === null ? initializer() : aggregate),
    })
  },
  KTableReduce(def) {
    const adder = param<Reducer>(def, 'adder')
    const subtractor = param<Reducer>(def, 'subtractor')
    return tableAggregation(def, {
      what: 'reduce',
      subtract: (_key, value, aggregate) => subtractor(aggregate, value),
      // The first value of a key (or after the subtractor left nothing) is the aggregate itself.
      add: (_key, value, aggregate) => (aggregate === null ? value : adder(aggregate, value)),
    })
  },
}
