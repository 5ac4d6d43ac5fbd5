// A topic read as a table, as Kafka's KTableSource: null keys are dropped, null values delete,
// and (when the table is materialized) the store is updated and the old value forwarded.
import type { TableSourceMaterialization } from '../../dsl/internal/graph-nodes'
import type { TimestampedKeyValueStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import type { OperatorFactory } from './operator-processor'
import { param, sendOldValues } from './operator-processor'
import { TableForwarder } from './table-forwarder'

export const tableSourceOperators: { readonly [operator: string]: OperatorFactory } = {
  KTableSource(def) {
    const storeName = param<string | null>(def, 'storeName')
    const materialization = param<TableSourceMaterialization | null>(def, 'materialization')
    let context: InternalProcessorContext
    let store: TimestampedKeyValueStore<unknown, unknown> | null = null
    let forwarder: TableForwarder | null = null
    return {
      init(ctx) {
        context = ctx
        // Decided when the task starts: a join may have materialized the table after it was built.
        if (storeName !== null && materialization?.isMaterialized() !== false) {
          store = ctx.getStateStore(storeName)
          forwarder = new TableForwarder(ctx, storeName, sendOldValues(def))
        }
      },
      process(record) {
        const key = record.key()
        if (key === null || key === undefined) {
          const rc = context.recordContext()
          context.recordDropped(
            'null-key',
            `Skipping record due to null key. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`,
          )
          return
        }
        if (store === null || forwarder === null) {
          context.forward(record.withValue(change(record.value(), null)))
          return
        }
        const old = store.get(key)
        if (old !== null && record.timestamp() < old.timestamp()) {
          const rc = context.recordContext()
          context.warn(
            context.currentNodeName(),
            'unknown',
            `Detected out-of-order KTable update for ${store.name()}, old timestamp=[${old.timestamp()}] new timestamp=[${record.timestamp()}]. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}].`,
          )
        }
        store.put(key, ValueAndTimestamp.make(record.value(), record.timestamp()))
        forwarder.maybeForward(
          record.withValue(change(record.value(), ValueAndTimestamp.getValueOrNull(old))),
        )
      },
    }
  },
}
