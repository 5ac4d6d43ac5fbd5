// One input of a cogrouped aggregation, as the processors Kafka's CogroupedStreamAggregateBuilder
// creates: every input aggregates with its own aggregator into the one shared store, through
// KStreamAggregate, or KStreamWindowAggregate / KStreamSlidingWindowAggregate /
// KStreamSessionWindowAggregate (always emitting on window update) when windowed. Each has its
// own observed stream time; all forward to the cogroup's KTablePassThrough merge node.
import type { Merger } from '../../dsl/session-windowed-kstream'
import type { SessionWindows, SlidingWindows, TimeWindows } from '../../dsl/windows'
import type { TimestampedKeyValueStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import type { OperatorFactory, OperatorProcessor } from './operator-processor'
import { param, sendOldValues } from './operator-processor'
import { TableForwarder } from './table-forwarder'
import {
  windowedAggregateProcessor,
  type Aggregator,
  type Initializer,
} from './windowed-aggregate-operators'

/** Kafka's KStreamAggregate: null keys and values are dropped; ts = max(input, previous). */
function keyedAggregate(
  storeName: string,
  sendOld: boolean,
  initializer: Initializer,
  aggregator: Aggregator,
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
      const key = record.key()
      if (key === null || key === undefined || record.value() === null) {
        const rc = context.recordContext()
        context.recordDropped(
          key === null || key === undefined ? 'null-key' : 'null-value',
          `Skipping record due to null key or value. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`,
        )
        return
      }
      const previous = store.get(key)
      const oldAgg = previous === null ? initializer() : previous.value()
      const timestamp =
        previous === null ? record.timestamp() : Math.max(record.timestamp(), previous.timestamp())
      const newAgg = aggregator(key, record.value(), oldAgg)
      store.put(key, ValueAndTimestamp.make(newAgg, timestamp))
      forwarder.maybeForward(
        record.withValue(change(newAgg, sendOld ? oldAgg : null)).withTimestamp(timestamp),
      )
    },
  }
}

export const cogroupAggregateOperators: { readonly [operator: string]: OperatorFactory } = {
  KStreamCogroupAggregate(def) {
    const storeName = param<string>(def, 'storeName')
    const initializer = param<Initializer>(def, 'initializer')
    const aggregator = param<Aggregator>(def, 'aggregator')
    const windows = param<TimeWindows | SlidingWindows | SessionWindows | null>(def, 'windows')
    if (windows === null) {
      return keyedAggregate(storeName, sendOldValues(def), initializer, aggregator)
    }
    return windowedAggregateProcessor(
      windows,
      {
        storeName,
        emitStrategy: 'onWindowUpdate',
        sendOldValues: sendOldValues(def),
        initializer,
        aggregator,
      },
      (def['sessionMerger'] as Merger<unknown, unknown> | null | undefined) ?? null,
    )
  },
}
