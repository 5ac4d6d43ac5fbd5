// Table–table joins on the key, as Kafka's KTableKTableInnerJoin, KTableKTableLeftJoin,
// KTableKTableRightJoin (the other side of a left join), KTableKTableOuterJoin and
// KTableKTableJoinMerger. An update of either side reads the other side's current value and
// forwards the joined change, stamped with the larger of both sides' timestamps.
import type { TableValueGetter } from '../../dsl/internal/table-value-getter'
import type { Record } from '../../processor/record'
import type { TimestampedKeyValueStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change, type Change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import { valueJoiner } from './call-user'
import type { OperatorFactory } from './operator-processor'
import { param, sendOldValues } from './operator-processor'
import { TableForwarder } from './table-forwarder'
import { createValueGetter, type ValueGetter } from './value-getter'

type JoinKind = 'inner' | 'left' | 'outer'

/** Kafka's UNKNOWN timestamp of an absent side. */
const UNKNOWN = -1

interface JoinStep {
  update: Change<unknown>
  other: ValueAndTimestamp<unknown> | null
  sendOld: boolean
  /** Joins this side's value with the other side's, in the user's (left, right) order. */
  join(value: unknown, other: unknown): unknown
}

/** The joined change to forward and its timestamp, or null to forward nothing. */
type JoinResult = { newValue: unknown; oldValue: unknown; timestamp: number } | null

function innerJoin(step: JoinStep, timestamp: number): JoinResult {
  const { update, other, sendOld, join } = step
  if (other === null) return null
  return {
    newValue: update.newValue !== null ? join(update.newValue, other.value()) : null,
    oldValue: sendOld && update.oldValue !== null ? join(update.oldValue, other.value()) : null,
    timestamp: Math.max(timestamp, other.timestamp()),
  }
}

function leftJoin(step: JoinStep, timestamp: number): JoinResult {
  const { update, other, sendOld, join } = step
  if (other === null && update.newValue === null && update.oldValue === null) return null
  const otherValue = other?.value() ?? null
  return {
    newValue: update.newValue !== null ? join(update.newValue, otherValue) : null,
    oldValue: sendOld && update.oldValue !== null ? join(update.oldValue, otherValue) : null,
    timestamp: Math.max(timestamp, other?.timestamp() ?? UNKNOWN),
  }
}

/** The right side of a left join: emits only while the left row exists, joining even a deleted right value. */
function rightJoin(step: JoinStep, timestamp: number): JoinResult {
  const { update, other, sendOld, join } = step
  if (other === null) return null
  return {
    newValue: join(update.newValue, other.value()),
    oldValue: sendOld ? join(update.oldValue, other.value()) : null,
    timestamp: Math.max(timestamp, other.timestamp()),
  }
}

function outerJoin(step: JoinStep, timestamp: number): JoinResult {
  const { update, other, sendOld, join } = step
  if (other === null && update.newValue === null && update.oldValue === null) return null
  const otherValue = other?.value() ?? null
  return {
    newValue: other !== null || update.newValue !== null ? join(update.newValue, otherValue) : null,
    oldValue:
      sendOld && (other !== null || update.oldValue !== null)
        ? join(update.oldValue, otherValue)
        : null,
    timestamp: other === null ? timestamp : Math.max(timestamp, other.timestamp()),
  }
}

function joinFunction(kind: JoinKind, side: 'this' | 'other'): typeof innerJoin {
  switch (kind) {
    case 'inner':
      return innerJoin
    case 'left':
      return side === 'this' ? leftJoin : rightJoin
    case 'outer':
      return outerJoin
  }
}

export const tableJoinOperators: { readonly [operator: string]: OperatorFactory } = {
  KTableKTableJoin(def) {
    const kind = param<JoinKind>(def, 'kind')
    const side = param<'this' | 'other'>(def, 'side')
    const joiner = valueJoiner(param(def, 'joiner'))
    const otherValueGetter = param<TableValueGetter>(def, 'otherValueGetter')
    const joinSide = joinFunction(kind, side)
    let context: InternalProcessorContext
    let getter: ValueGetter
    let sendOld = false
    return {
      init(ctx) {
        context = ctx
        getter = createValueGetter(otherValueGetter, ctx)
        sendOld = sendOldValues(def)
      },
      process(record) {
        const key = record.key()
        if (key === null || key === undefined) {
          // Joins need equal keys: a null key can never join.
          const rc = context.recordContext()
          context.recordDropped(
            'null-key',
            `Skipping record due to null key. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`,
          )
          return
        }
        const result = joinSide(
          {
            update: record.value() as Change<unknown>,
            other: getter(key),
            sendOld,
            // The other side's processor runs Kafka's joiner reversed: its record is the right value.
            join:
              side === 'this'
                ? (value, other) => joiner(key, value, other)
                : (value, other) => joiner(key, other, value),
          },
          record.timestamp(),
        )
        if (result === null) return
        const update = record.value() as Change<unknown>
        context.forward(
          record
            .withValue(change(result.newValue, result.oldValue, update.isLatest))
            .withTimestamp(result.timestamp),
        )
      },
    }
  },
  KTableKTableJoinMerger(def) {
    const storeName = param<string | null>(def, 'storeName')
    let context: InternalProcessorContext
    let sendOld = false
    let store: TimestampedKeyValueStore<unknown, unknown> | null = null
    let forwarder: TableForwarder | null = null
    return {
      init(ctx) {
        context = ctx
        sendOld = sendOldValues(def)
        if (storeName !== null) {
          store = ctx.getStateStore(storeName)
          forwarder = new TableForwarder(ctx, storeName, sendOld)
        }
      },
      process(record) {
        const update = record.value() as Change<unknown>
        if (store !== null && forwarder !== null) {
          store.put(record.key(), ValueAndTimestamp.make(update.newValue, record.timestamp()))
          forwarder.maybeForward(record as Record<unknown, Change<unknown>>)
        } else {
          context.forward(
            sendOld ? record : record.withValue(change(update.newValue, null, update.isLatest)),
          )
        }
      },
    }
  },
}
