// KTable filter, filterNot and mapValues, as Kafka's KTableFilter and KTableMapValues: each
// change is transformed on its new and (when downstream asked for them) old value; with a
// queryable store the result is written there and forwarded through the cache, and the old
// value is then read from that store.
import type { TimestampedKeyValueStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change, type Change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import { valueMapper } from './call-user'
import type { OperatorFactory, OperatorProcessor } from './operator-processor'
import { param, sendOldValues } from './operator-processor'
import { TableForwarder } from './table-forwarder'

type Compute = (key: unknown, value: unknown) => unknown

/**
 * The shared shape of both processors. `skipBothNull`: KTableFilter sends nothing when, with
 * old values on, neither the old nor the new value passes.
 */
function tableTransform(
  def: Parameters<OperatorFactory>[0],
  compute: Compute,
  skipBothNull: boolean,
): OperatorProcessor {
  const queryableStoreName = param<string | null>(def, 'queryableStoreName')
  let context: InternalProcessorContext
  let sendOld = false
  let store: TimestampedKeyValueStore<unknown, unknown> | null = null
  let forwarder: TableForwarder | null = null
  const computeOrNull = (key: unknown, value: unknown): unknown =>
    value === null ? null : compute(key, value)
  return {
    init(ctx) {
      context = ctx
      sendOld = sendOldValues(def)
      if (queryableStoreName !== null) {
        store = ctx.getStateStore(queryableStoreName)
        forwarder = new TableForwarder(ctx, queryableStoreName, sendOld)
      }
    },
    process(record) {
      const key = record.key()
      const update = record.value() as Change<unknown>
      const newValue = computeOrNull(key, update.newValue)
      let oldValue: unknown = null
      if (sendOld) {
        oldValue =
          store !== null
            ? ValueAndTimestamp.getValueOrNull(store.get(key))
            : computeOrNull(key, update.oldValue)
      }
      if (skipBothNull && sendOld && oldValue === null && newValue === null) return
      const result = record.withValue(change(newValue, oldValue, update.isLatest))
      if (store !== null && forwarder !== null) {
        store.put(key, ValueAndTimestamp.make(newValue, record.timestamp()))
        forwarder.maybeForward(result)
      } else {
        context.forward(result)
      }
    },
  }
}

export const tableOperators: { readonly [operator: string]: OperatorFactory } = {
  KTableFilter(def) {
    const predicate = param<(key: unknown, value: unknown) => unknown>(def, 'predicate')
    const negate = param<boolean>(def, 'negate')
    return tableTransform(
      def,
      (key, value) => (Boolean(predicate(key, value)) !== negate ? value : null),
      true,
    )
  },
  KTableMapValues(def) {
    return tableTransform(def, valueMapper(param(def, 'mapper')), false)
  },
}
