// Windowed stream–stream joins, as Kafka's KStreamJoinWindow, KStreamKStreamJoin (its left
// and right sides, with the shared "outer" store of the spurious-result fix) and
// KStreamKStreamSelfJoin.
import type { Record } from '../../processor/record'
import type { JoinWindows } from '../../dsl/windows'
import type { Serde } from '../../serde/serde'
import type { KeyValueStore, WindowStore } from '../../state/state-store'
import type { InternalProcessorContext } from '../internal-processor-context'
import { changelogTopic } from '../state/create-state-store'
import { valueJoiner } from './call-user'
import type { OperatorFactory } from './operator-processor'
import { param } from './operator-processor'

type Joiner = (key: unknown, left: unknown, right: unknown) => unknown

/** Kafka's `ConsumerRecord.NO_TIMESTAMP`. */
const NO_TIMESTAMP = -1
/** Stands for Java's Long.MAX_VALUE: no record waits in the shared store. */
const NO_MIN_TIME = Number.MAX_SAFE_INTEGER

const isNull = (x: unknown): x is null | undefined => x === null || x === undefined

/**
 * Kafka's KStreamImplJoin.TimeTracker: one per join and task, shared by both sides, so that
 * either side's records move the join's stream time and may emit the other side's
 * unmatched records.
 */
interface TimeTracker {
  streamTime: number
  /** A lower bound of the timestamps waiting in the shared store (see `mayHoldClosed`). */
  minTime: number
  nextTimeToEmit: number
  emitIntervalMs: number
}

function dropNullKeyOrValue(context: InternalProcessorContext, record: Record): boolean {
  if (!isNull(record.key()) && !isNull(record.value())) return false
  const rc = context.recordContext()
  context.recordDropped(
    isNull(record.key()) ? 'null-key' : 'null-value',
    rc.topic === null
      ? 'Skipping record due to null key or value. Topic, partition, and offset not known.'
      : `Skipping record due to null key or value. topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`,
  )
  return true
}

// The shared store's layout is Kafka's: keys are TimestampedKeyAndJoinSide
// ([8-byte big-endian timestamp][1 = left, 0 = right][key bytes]), so that iterating the
// store visits waiting records by timestamp, then right before left, then key; values are
// the ListValueStore's list of LeftOrRightValue ([1 = left, 0 = right][value bytes]), each
// prefixed here by its 4-byte length, so duplicates of one key and timestamp all wait.

interface SharedKey {
  readonly timestamp: number
  readonly left: boolean
  readonly key: unknown
}

class SharedStoreCodec {
  constructor(
    private readonly topic: string,
    private readonly keySerde: Serde<unknown>,
    private readonly leftSerde: Serde<unknown>,
    private readonly rightSerde: Serde<unknown>,
  ) {}

  key(timestamp: number, left: boolean, key: unknown): Uint8Array {
    const keyBytes = this.keySerde.serialize(this.topic, key)
    if (keyBytes === null) throw new TypeError('The join key serialized to null')
    const out = new Uint8Array(9 + keyBytes.length)
    new DataView(out.buffer).setBigInt64(0, BigInt(timestamp))
    out[8] = left ? 1 : 0
    out.set(keyBytes, 9)
    return out
  }

  decodeKey(bytes: Uint8Array): SharedKey {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return {
      timestamp: Number(view.getBigInt64(0)),
      left: bytes[8] === 1,
      key: this.keySerde.deserialize(this.topic, bytes.subarray(9)),
    }
  }

  /** `list` with one more LeftOrRightValue appended. */
  append(list: Uint8Array | null, left: boolean, value: unknown): Uint8Array {
    const valueBytes = (left ? this.leftSerde : this.rightSerde).serialize(this.topic, value)
    if (valueBytes === null) throw new TypeError('A join value serialized to null')
    const previous = list ?? new Uint8Array(0)
    const out = new Uint8Array(previous.length + 5 + valueBytes.length)
    out.set(previous, 0)
    new DataView(out.buffer).setInt32(previous.length, 1 + valueBytes.length)
    out[previous.length + 4] = left ? 1 : 0
    out.set(valueBytes, previous.length + 5)
    return out
  }

  /** The list's values as (left, right) pairs, one of them null. */
  decodeList(list: Uint8Array): { left: unknown; right: unknown }[] {
    const view = new DataView(list.buffer, list.byteOffset, list.byteLength)
    const values: { left: unknown; right: unknown }[] = []
    for (let offset = 0; offset < list.length;) {
      const length = view.getInt32(offset)
      const isLeft = list[offset + 4] === 1
      const raw = list.subarray(offset + 5, offset + 4 + length)
      const value = (isLeft ? this.leftSerde : this.rightSerde).deserialize(this.topic, raw)
      values.push(isLeft ? { left: value, right: null } : { left: null, right: value })
      offset += 4 + length
    }
    return values
  }
}

function requireSerde(
  serde: Serde<unknown> | null,
  fallback: Serde<unknown> | null,
  what: 'key' | 'value',
  storeName: string,
): Serde<unknown> {
  const chosen = serde ?? fallback
  if (chosen === null) {
    throw new TypeError(
      `State store ${storeName} has no ${what} serde: set it with StreamJoined.with(...) or configure default.${what}.serde`,
    )
  }
  return chosen
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

const kstreamKStreamJoin: OperatorFactory = (def) => {
  const windows = param<JoinWindows>(def, 'windows')
  const userJoiner = valueJoiner(param(def, 'joiner'))
  const thisStoreName = param<string>(def, 'thisStoreName')
  const otherStoreName = param<string>(def, 'otherStoreName')
  const sharedStoreName = param<string | null>(def, 'sharedStoreName')
  const leftSide = param<'left' | 'right'>(def, 'side') === 'left'
  const outer = param<boolean>(def, 'outer')
  const keySerde = (def['keySerde'] ?? null) as Serde<unknown> | null
  const leftValueSerde = (def['valueSerde'] ?? null) as Serde<unknown> | null
  const rightValueSerde = (def['otherValueSerde'] ?? null) as Serde<unknown> | null

  // The right side looks at the left store over the mirrored window.
  const joinBeforeMs = leftSide ? windows.beforeMs : windows.afterMs
  const joinAfterMs = leftSide ? windows.afterMs : windows.beforeMs
  const graceMs = windows.gracePeriodMs()
  const useSharedStore = sharedStoreName !== null && windows.enableSpuriousResultFix
  const joiner: Joiner = leftSide
    ? userJoiner
    : (key, thisValue, otherValue) => userJoiner(key, otherValue, thisValue)

  let context: InternalProcessorContext
  let otherStore: WindowStore<unknown, unknown>
  let shared: KeyValueStore<Uint8Array, Uint8Array> | null = null
  let codec: SharedStoreCodec
  let tracker: TimeTracker

  /**
   * Kafka's first check before scanning the shared store. Java adds to Long.MAX_VALUE when
   * nothing waits, which wraps around and lets the scan (and its throttle) run anyway.
   */
  function mayHoldClosed(): boolean {
    if (tracker.minTime === NO_MIN_TIME) return joinAfterMs + graceMs > 0
    return tracker.minTime + joinAfterMs + graceMs < tracker.streamTime
  }

  function outerWindowOpen(timestamp: number, left: boolean): boolean {
    // A left record may still be matched by right records up to `after` later, a right
    // record by left records up to `before` later.
    const lookBackMs = left ? windows.afterMs : windows.beforeMs
    return timestamp + lookBackMs + graceMs >= tracker.streamTime
  }

  function emitNonJoinedOuterRecords(store: KeyValueStore<Uint8Array, Uint8Array>, record: Record) {
    if (!mayHoldClosed()) return
    // Throttled on wall-clock time: scanning the store is what costs, not the data.
    const now = context.currentSystemTimeMs()
    if (now < tracker.nextTimeToEmit) return
    tracker.nextTimeToEmit = now + tracker.emitIntervalMs
    tracker.minTime = NO_MIN_TIME

    const iterator = store.all()
    try {
      let previousKey: Uint8Array | null = null
      let leftWindowOpen = false
      let rightWindowOpen = false
      scan: while (iterator.hasNext()) {
        const entry = iterator.next()
        const sharedKey = codec.decodeKey(entry.key)
        for (const { left, right } of codec.decodeList(entry.value)) {
          tracker.minTime = sharedKey.timestamp
          if (leftWindowOpen && rightWindowOpen) break scan
          if (outerWindowOpen(sharedKey.timestamp, sharedKey.left)) {
            // Later entries of this side are younger still; the other side may have some due.
            if (sharedKey.left) leftWindowOpen = true
            else rightWindowOpen = true
            continue
          }
          context.forward(
            record
              .withKey(sharedKey.key)
              .withValue(userJoiner(sharedKey.key, left, right))
              .withTimestamp(sharedKey.timestamp),
          )
          // A key is deleted once all its values are out, so that a failure midway loses none.
          if (previousKey !== null && !sameBytes(previousKey, entry.key))
            store.put(previousKey, null)
          previousKey = entry.key
        }
      }
      if (previousKey !== null) store.put(previousKey, null)
    } finally {
      iterator.close()
    }
  }

  return {
    init(ctx) {
      context = ctx
      otherStore = ctx.getStateStore(leftSide ? otherStoreName : thisStoreName)
      tracker = ctx.taskLocal<TimeTracker>(`kstream-kstream-join:${thisStoreName}`, () => ({
        streamTime: NO_TIMESTAMP,
        minTime: NO_MIN_TIME,
        nextTimeToEmit: 0,
        emitIntervalMs: 1000,
      }))
      if (useSharedStore && sharedStoreName !== null) {
        shared = ctx.getStateStore(sharedStoreName)
        tracker.emitIntervalMs = ctx.config.outerJoinSpuriousResultsFixIntervalMs
        codec = new SharedStoreCodec(
          changelogTopic(ctx.config.applicationId, sharedStoreName),
          requireSerde(keySerde, ctx.config.defaultKeySerde, 'key', sharedStoreName),
          requireSerde(leftValueSerde, ctx.config.defaultValueSerde, 'value', sharedStoreName),
          requireSerde(rightValueSerde, ctx.config.defaultValueSerde, 'value', sharedStoreName),
        )
      }
    },
    process(record) {
      const timestamp = record.timestamp()
      tracker.streamTime = Math.max(tracker.streamTime, timestamp)
      const key = record.key()
      const value = record.value()
      // KIP-962: an outer side's null-key record cannot match, so it is emitted at once.
      if (outer && isNull(key) && !isNull(value)) {
        context.forward(record.withValue(joiner(null, value, null)))
        return
      }
      if (dropNullKeyOrValue(context, record)) return

      const store = shared
      if (store !== null && timestamp === tracker.streamTime) {
        emitNonJoinedOuterRecords(store, record)
      }

      const timeFrom = Math.max(0, timestamp - joinBeforeMs)
      const timeTo = Math.max(0, timestamp + joinAfterMs)
      const matches = otherStore.fetch(key, timeFrom, timeTo)
      try {
        const needOuterJoin = outer && !matches.hasNext()
        while (matches.hasNext()) {
          const other = matches.next()
          if (store !== null) {
            // The matched record will never be emitted as unmatched.
            const otherKey = codec.key(other.key, !leftSide, key)
            if (store.get(otherKey) !== null) store.put(otherKey, null)
          }
          context.forward(
            record
              .withValue(joiner(key, value, other.value))
              .withTimestamp(Math.max(timestamp, other.key)),
          )
        }
        if (needOuterJoin) {
          // A record whose window already ended (an out-of-order one) can no longer be
          // matched: waiting would only delay its result.
          if (store === null || timeTo < tracker.streamTime) {
            context.forward(record.withValue(joiner(key, value, null)))
          } else {
            tracker.minTime = Math.min(tracker.minTime, timestamp)
            const thisKey = codec.key(timestamp, leftSide, key)
            store.put(thisKey, codec.append(store.get(thisKey), leftSide, value))
          }
        }
      } finally {
        matches.close()
      }
    },
  }
}

/**
 * Kafka's KStreamKStreamSelfJoin (`single.store.self.join`): one store holds the stream, and
 * each record joins the earlier records in both window directions, then itself, in the
 * order the two-processor inner join would emit them.
 */
const kstreamKStreamSelfJoin: OperatorFactory = (def) => {
  const windows = param<JoinWindows>(def, 'windows')
  const joiner = valueJoiner(param(def, 'joiner'))
  const storeName = param<string>(def, 'storeName')
  const retentionMs = windows.size() + windows.gracePeriodMs()
  let context: InternalProcessorContext
  let store: WindowStore<unknown, unknown>
  let streamTime = NO_TIMESTAMP

  function forEachMatch(
    key: unknown,
    timeFrom: number,
    timeTo: number,
    action: (timestamp: number, value: unknown) => void,
  ): void {
    const iterator = store.fetch(key, Math.max(0, timeFrom), Math.max(0, timeTo))
    try {
      while (iterator.hasNext()) {
        const entry = iterator.next()
        action(entry.key, entry.value)
      }
    } finally {
      iterator.close()
    }
  }

  return {
    init(ctx) {
      context = ctx
      store = ctx.getStateStore(storeName)
    },
    process(record) {
      if (dropNullKeyOrValue(context, record)) return
      const key = record.key()
      const value = record.value()
      const timestamp = record.timestamp()
      streamTime = Math.max(streamTime, timestamp)
      const selfRecord = record.withValue(joiner(key, value, value))
      // The two-processor join would not see an expired record in its own store either.
      const emitSelf = timestamp > streamTime - retentionMs + 1
      let emittedSelf = false

      // As the this-side processor: this record on the left.
      forEachMatch(key, timestamp - windows.beforeMs, timestamp + windows.afterMs, (t, other) => {
        context.forward(
          record.withValue(joiner(key, value, other)).withTimestamp(Math.max(timestamp, t)),
        )
      })
      // As the other-side processor: this record on the right, with the join of the record
      // with itself placed where its timestamp sorts.
      forEachMatch(key, timestamp - windows.afterMs, timestamp + windows.beforeMs, (t, other) => {
        if (timestamp < Math.max(timestamp, t) && !emittedSelf && emitSelf) {
          emittedSelf = true
          context.forward(selfRecord)
        }
        context.forward(
          record.withValue(joiner(key, other, value)).withTimestamp(Math.max(timestamp, t)),
        )
      })
      if (!emittedSelf && emitSelf) context.forward(selfRecord)
    },
  }
}

export const streamStreamJoinOperators: { readonly [operator: string]: OperatorFactory } = {
  /** Forwards first, then stores: the join below probes the other side without this record. */
  KStreamJoinWindow(def) {
    const storeName = param<string>(def, 'storeName')
    let context: InternalProcessorContext
    let store: WindowStore<unknown, unknown>
    return {
      init(ctx) {
        context = ctx
        store = ctx.getStateStore(storeName)
      },
      process(record) {
        // Null keys still go on: an outer join emits them (KIP-962); they never join.
        context.forward(record)
        if (!isNull(record.key())) store.put(record.key(), record.value(), record.timestamp())
      },
    }
  },
  KStreamKStreamJoin: kstreamKStreamJoin,
  KStreamKStreamSelfJoin: kstreamKStreamSelfJoin,
}
