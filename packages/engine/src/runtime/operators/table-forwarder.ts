import { Record } from '../../processor/record'
import type { Windowed } from '../../dsl/windowed'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change, type Change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'

/**
 * Forwards a table's changes, as Kafka's TimestampedTupleForwarder: straight away when its
 * store has no cache, otherwise when the cache flushes (at commit or eviction), then carrying
 * the latest value, the store's previous value and the latest record's context.
 */
export class TableForwarder {
  private readonly cached: boolean

  constructor(
    private readonly context: InternalProcessorContext,
    storeName: string,
    private readonly sendOldValues: boolean,
    /** Session results carry the session end as their timestamp. */
    kind: 'timestamped' | 'session' = 'timestamped',
  ) {
    const store = context.getRuntimeStore(storeName)
    const node = context.captureNode()
    this.cached = store.setFlushListener((key, newValue, oldValue, recordContext) => {
      const previous = context.hasRecordContext() ? context.recordContext() : null
      context.setRecordContext(recordContext)
      try {
        const record =
          kind === 'session'
            ? new Record(
                key,
                change(newValue, oldValue),
                (key as Windowed<unknown>).window().end(),
                recordContext.headers,
              )
            : new Record(
                key,
                change(
                  ValueAndTimestamp.getValueOrNull(newValue as ValueAndTimestamp<unknown> | null),
                  ValueAndTimestamp.getValueOrNull(oldValue as ValueAndTimestamp<unknown> | null),
                ),
                newValue !== null
                  ? (newValue as ValueAndTimestamp<unknown>).timestamp()
                  : recordContext.timestamp,
                recordContext.headers,
              )
        context.runAs(node, () => context.forward(record))
      } finally {
        context.setRecordContext(previous)
      }
    }, sendOldValues)
  }

  /** Forwards now unless the cache will forward on flush. */
  maybeForward<K, V>(record: Record<K, Change<V>>): void {
    if (this.cached) return
    const value = record.value()
    this.context.forward(
      this.sendOldValues || value.oldValue === null
        ? record
        : record.withValue(change(value.newValue, null, value.isLatest)),
    )
  }
}
