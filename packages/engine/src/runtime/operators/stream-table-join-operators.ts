// Stream–table and stream–globalTable joins, as Kafka's KStreamKTableJoin and
// KStreamGlobalKTableJoin (both run KStreamKTableJoinProcessor): each stream record reads the
// table's current value through a value getter; table updates only change what later stream
// records read. Results keep the stream record's timestamp.
import type { TableValueGetter } from '../../dsl/internal/table-value-getter'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import type { InternalProcessorContext } from '../internal-processor-context'
import { valueJoiner } from './call-user'
import type { OperatorProcessor } from './operator-processor'
import { param, type OperatorFactory } from './operator-processor'
import { createValueGetter, type ValueGetter } from './value-getter'

type KeyMapper = (key: unknown, value: unknown) => unknown

const isNull = (x: unknown): x is null | undefined => x === null || x === undefined

function joinProcessor(
  getterSpec: TableValueGetter,
  keyMapper: KeyMapper,
  joinerFn: unknown,
  leftJoin: boolean,
): OperatorProcessor {
  const joiner = valueJoiner(joinerFn)
  let context: InternalProcessorContext
  let getter: ValueGetter
  return {
    init(ctx) {
      context = ctx
      getter = createValueGetter(getterSpec, ctx)
    },
    process(record) {
      const key = record.key()
      const value = record.value()
      const mappedKey = keyMapper(key, value)
      if (isNull(mappedKey) || isNull(value)) {
        // A left join still answers a record it cannot look up (KIP-962, KAFKA-19208).
        if (leftJoin && !isNull(value)) {
          context.forward(record.withValue(joiner(key, value, null)))
          return
        }
        const rc = context.recordContext()
        context.recordDropped(
          isNull(value) ? 'null-value' : 'null-key',
          rc.topic === null
            ? 'Skipping record due to null join key or value. Topic, partition, and offset not known.'
            : `Skipping record due to null join key or value. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`,
        )
        return
      }
      const tableValue = ValueAndTimestamp.getValueOrNull(getter(mappedKey))
      if (leftJoin || tableValue !== null) {
        context.forward(record.withValue(joiner(key, value, tableValue)))
      }
    },
  }
}

export const streamTableJoinOperators: { readonly [operator: string]: OperatorFactory } = {
  KStreamKTableJoin(def, node) {
    const gracePeriodMs = (def['gracePeriodMs'] ?? null) as number | null
    if (gracePeriodMs !== null && gracePeriodMs > 0) {
      // Kafka buffers stream records for the grace period and joins them with the version of
      // a versioned table valid at their timestamp; this runtime has no versioned stores yet.
      throw new TypeError(
        `Processor ${node.name}: a stream–table join with a grace period (Joined.withGracePeriod) is not supported yet`,
      )
    }
    return joinProcessor(
      param<TableValueGetter>(def, 'valueGetter'),
      (key) => key,
      param(def, 'joiner'),
      param<boolean>(def, 'leftJoin'),
    )
  },
  KStreamGlobalKTableJoin(def) {
    return joinProcessor(
      { kind: 'store', storeName: param<string>(def, 'storeName') },
      param<KeyMapper>(def, 'keySelector'),
      param(def, 'joiner'),
      param<boolean>(def, 'leftJoin'),
    )
  },
}
