// count/reduce/aggregate over windows, as Kafka's KStreamWindowAggregate (time windows),
// KStreamSlidingWindowAggregate and KStreamSessionWindowAggregate, with the emit-on-window-close
// strategy of AbstractKStreamTimeWindowAggregateProcessor. Each processor judges lateness by its
// own observed stream time (the largest timestamp it has seen), not the task's.
import type { Merger } from '../../dsl/session-windowed-kstream'
import { Window, Windowed } from '../../dsl/windowed'
import { SlidingWindows, TimeWindows, type SessionWindows } from '../../dsl/windows'
import { Record } from '../../processor/record'
import type { OperatorDefinition } from '../../topology/node-factory'
import type { SessionStore, TimestampedWindowStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import type { OperatorFactory, OperatorProcessor } from './operator-processor'
import { param, sendOldValues } from './operator-processor'
import { TableForwarder } from './table-forwarder'

/** Kafka's ConsumerRecord.NO_TIMESTAMP. */
const NO_TIMESTAMP = -1

export type Initializer = () => unknown
export type Aggregator = (key: unknown, value: unknown, aggregate: unknown) => unknown
type Reducer = (aggregate: unknown, value: unknown) => unknown

export type EmitStrategyType = 'onWindowUpdate' | 'onWindowClose'

/** What every windowed aggregation processor needs besides its windows. */
export interface WindowedAggregation {
  readonly storeName: string
  readonly emitStrategy: EmitStrategyType
  readonly sendOldValues: boolean
  readonly initializer: Initializer
  readonly aggregator: Aggregator
}

/**
 * The functions behind count/reduce/aggregate, as Kafka's windowed KStream implementations
 * build them: count adds one per record (null values included), reduce starts from null and
 * takes the first value as is, sessions merge counts by addition and reductions by reducing.
 */
export function windowedFunctions(def: OperatorDefinition): {
  initializer: Initializer
  aggregator: Aggregator
  merger: Merger<unknown, unknown> | null
} {
  if (def['count'] === true) {
    return {
      initializer: () => 0,
      aggregator: (_k, _v, count) => (count as number) + 1,
      merger: (_k, a, b) => (a as number) + (b as number),
    }
  }
  const reducer = def['reducer'] as Reducer | undefined
  if (reducer !== undefined) {
    const aggregator: Aggregator = (_k, value, aggregate) =>
      aggregate === null ? value : reducer(aggregate, value)
    return {
      initializer: () => null,
      aggregator,
      // Kafka's mergerForAggregator: the second session is aggregated into the first.
      merger: (key, one, two) => aggregator(key, two, one),
    }
  }
  return {
    initializer: param<Initializer>(def, 'initializer'),
    aggregator: param<Aggregator>(def, 'aggregator'),
    merger: (def['sessionMerger'] as Merger<unknown, unknown> | undefined) ?? null,
  }
}

function isNullish(value: unknown): boolean {
  return value === null || value === undefined
}

function metadata(context: InternalProcessorContext): string | null {
  const rc = context.recordContext()
  return rc.topic === null
    ? null
    : `topic=[${rc.topic}] partition=[${rc.partition}] offset=[${rc.offset}]`
}

function dropNullKey(
  context: InternalProcessorContext,
  alsoNullValue: boolean,
  record: Record<unknown, unknown>,
): boolean {
  const nullKey = isNullish(record.key())
  if (!nullKey && !(alsoNullValue && record.value() === null)) return false
  const what = alsoNullValue ? 'null key or value' : 'null key'
  const where = metadata(context)
  context.recordDropped(
    nullKey ? 'null-key' : 'null-value',
    where === null
      ? `Skipping record due to ${what}. Topic, partition, and offset not known.`
      : `Skipping record due to ${what}. ${where}`,
  )
  return true
}

function dropExpired(
  context: InternalProcessorContext,
  timestamp: number,
  window: string,
  closeTime: number,
  streamTime: number,
): void {
  const where = metadata(context)
  const details = `timestamp=[${timestamp}] window=${window} expiration=[${closeTime}] streamTime=[${streamTime}]`
  context.recordDropped(
    'expired-window',
    where === null
      ? `Skipping record for expired window. Topic, partition, and offset not known. ${details}`
      : `Skipping record for expired window. ${where} ${details}`,
  )
}

/**
 * Kafka's TimeTracker as the emit-on-window-close processors use it: at most one look for
 * closed windows per emit interval of wall-clock time.
 */
class EmitThrottle {
  private nextTimeToEmit = 0

  constructor(private readonly intervalMs: number) {}

  /** True when the interval has passed; then schedules the next look from now. */
  due(now: number): boolean {
    if (now < this.nextTimeToEmit) return false
    this.nextTimeToEmit = now + this.intervalMs
    return true
  }
}

/**
 * What Kafka's AbstractKStreamTimeWindowAggregateProcessor shares between time and sliding
 * windows: the store, update forwarding (none under onWindowClose) and final-result emission.
 */
abstract class TimeWindowAggregateProcessor implements OperatorProcessor {
  protected context!: InternalProcessorContext
  protected store!: TimestampedWindowStore<unknown, unknown>
  protected observedStreamTime = NO_TIMESTAMP
  protected lastEmitWindowCloseTime = NO_TIMESTAMP
  private forwarder: TableForwarder | null = null
  private throttle: EmitThrottle | null = null

  constructor(protected readonly spec: WindowedAggregation) {}

  init(context: InternalProcessorContext): void {
    this.context = context
    this.store = context.getStateStore(this.spec.storeName)
    if (this.spec.emitStrategy === 'onWindowClose') {
      // As Kafka, no cache flush listener: final results are read from the store and
      // forwarded at once.
      this.throttle = new EmitThrottle(context.config.emitIntervalOnWindowCloseMs)
    } else {
      this.forwarder = new TableForwarder(context, this.spec.storeName, this.spec.sendOldValues)
    }
  }

  abstract process(record: Record<unknown, unknown>): void

  protected maybeForwardUpdate(
    record: Record<unknown, unknown>,
    window: Window,
    oldAgg: unknown,
    newAgg: unknown,
    timestamp: number,
  ): void {
    if (this.forwarder === null) return
    this.forwarder.maybeForward(
      record
        .withKey(new Windowed(record.key(), window))
        .withValue(change(newAgg, this.spec.sendOldValues ? oldAgg : null))
        .withTimestamp(timestamp),
    )
  }

  protected shouldEmitFinal(closeTime: number): boolean {
    if (this.throttle === null) return false
    if (!this.throttle.due(this.context.currentSystemTimeMs())) return false
    return this.lastEmitWindowCloseTime === NO_TIMESTAMP || this.lastEmitWindowCloseTime < closeTime
  }

  /** Forwards every window whose start is in the range, as it is in the store now. */
  protected fetchAndEmit(
    record: Record<unknown, unknown>,
    closeTime: number,
    fromStartInclusive: number,
    toStartInclusive: number,
  ): void {
    const iterator = this.store.fetchAll(fromStartInclusive, toStartInclusive)
    try {
      while (iterator.hasNext()) {
        const next = iterator.next()
        this.context.forward(
          record
            .withKey(next.key)
            .withValue(change(next.value.value(), null))
            .withTimestamp(next.value.timestamp())
            .withHeaders(record.headers()),
        )
      }
    } finally {
      iterator.close()
    }
    this.lastEmitWindowCloseTime = closeTime
  }
}

/** Kafka's KStreamWindowAggregate: tumbling and hopping windows `[start, end)`. */
class KStreamWindowAggregateProcessor extends TimeWindowAggregateProcessor {
  constructor(
    spec: WindowedAggregation,
    private readonly windows: TimeWindows,
  ) {
    super(spec)
  }

  process(record: Record<unknown, unknown>): void {
    // Null values go to the aggregator, as in Kafka: only null keys are dropped.
    if (dropNullKey(this.context, false, record)) return
    const timestamp = record.timestamp()
    this.observedStreamTime = Math.max(this.observedStreamTime, timestamp)
    const closeTime = this.observedStreamTime - this.windows.graceMs
    // Kafka looks for closed windows after the updates. Closed windows are never updated and
    // updates are not forwarded under onWindowClose, so looking first changes nothing, except
    // that a window is read before this record's write can expire it from an in-memory store
    // (Kafka's default time-ordered store drops whole segments, much later).
    this.maybeForwardFinalResult(record, closeTime)
    for (const start of this.windows.windowStartsFor(timestamp)) {
      const end = start + this.windows.sizeMs
      if (end > closeTime) {
        const old = this.store.fetch(record.key(), start)
        let oldAgg = ValueAndTimestamp.getValueOrNull(old)
        let newTimestamp: number
        if (oldAgg === null || old === null) {
          oldAgg = this.spec.initializer()
          newTimestamp = timestamp
        } else {
          newTimestamp = Math.max(timestamp, old.timestamp())
        }
        const newAgg = this.spec.aggregator(record.key(), record.value(), oldAgg)
        this.store.put(record.key(), ValueAndTimestamp.make(newAgg, newTimestamp), start)
        this.maybeForwardUpdate(record, new Window(start, end), oldAgg, newAgg, newTimestamp)
      } else {
        dropExpired(
          this.context,
          timestamp,
          `[${start},${end})`,
          closeTime,
          this.observedStreamTime,
        )
      }
    }
  }

  private maybeForwardFinalResult(record: Record<unknown, unknown>, closeTime: number): void {
    if (!this.shouldEmitFinal(closeTime)) return
    // Windows are closed once end <= closeTime, i.e. start <= closeTime - size.
    const upper = closeTime - this.windows.sizeMs
    if (upper < 0) return
    const lower =
      this.lastEmitWindowCloseTime === NO_TIMESTAMP
        ? -1
        : this.lastEmitWindowCloseTime - this.windows.sizeMs
    if (this.lastEmitWindowCloseTime !== NO_TIMESTAMP) {
      // Nothing new closed unless the close time moved past another window start.
      const closing = this.windows.windowStartsFor(upper)
      const emitted = lower < 0 ? [] : this.windows.windowStartsFor(lower)
      if (closing.length === emitted.length && closing.every((s, i) => s === emitted[i])) return
    }
    this.fetchAndEmit(record, closeTime, lower + 1, upper)
  }
}

/**
 * Kafka's KStreamSlidingWindowAggregate: windows `[start, start + d]` exist only around
 * records. A record at t updates the windows containing it, creates its left window
 * `[t - d, t]`, its right window `[t + 1, t + 1 + d]` when later records fall in it, and the
 * right window of the previous record when t falls in it. Records earlier than d go to the
 * window `[0, d]`.
 */
class KStreamSlidingWindowAggregateProcessor extends TimeWindowAggregateProcessor {
  private readonly d: number

  constructor(
    spec: WindowedAggregation,
    private readonly windows: SlidingWindows,
  ) {
    super(spec)
    this.d = windows.timeDifferenceMs
  }

  process(record: Record<unknown, unknown>): void {
    if (dropNullKey(this.context, true, record)) return
    const timestamp = record.timestamp()
    this.observedStreamTime = Math.max(this.observedStreamTime, timestamp)
    const closeTime = this.observedStreamTime - this.windows.graceMs
    if (timestamp + 1 + this.d <= closeTime) {
      dropExpired(
        this.context,
        timestamp,
        `[${timestamp - this.d},${timestamp}]`,
        closeTime,
        this.observedStreamTime,
      )
      return
    }
    if (timestamp < this.d) {
      // As Kafka, early records return before looking for final results.
      this.processEarly(record, closeTime)
      return
    }
    // Before the updates, as for time windows: the windows it emits are never updated here.
    this.maybeForwardFinalResult(record, closeTime)
    this.processReverse(record, closeTime)
  }

  private processReverse(record: Record<unknown, unknown>, closeTime: number): void {
    const timestamp = record.timestamp()
    const windowStartTimes = new Set<number>()
    let leftWinAgg: ValueAndTimestamp<unknown> | null = null
    let rightWinAgg: ValueAndTimestamp<unknown> | null = null
    let leftWinAlreadyCreated = false
    let rightWinAlreadyCreated = false
    let previousRecordTimestamp: number | null = null
    const iterator = this.store.backwardFetch(
      record.key(),
      record.key(),
      Math.max(0, timestamp - 2 * this.d),
      // One past the record catches its right window, if any, in the same fetch.
      timestamp + 1,
    )
    try {
      while (iterator.hasNext()) {
        const next = iterator.next()
        const start = next.key.window().start()
        windowStartTimes.add(start)
        const end = start + this.d
        const windowMaxRecordTimestamp = next.value.timestamp()
        if (start === timestamp + 1) {
          rightWinAlreadyCreated = true
        } else if (end > timestamp) {
          rightWinAgg ??= next.value
          this.updateWindowAndForward(new Window(start, end), next.value, record, closeTime)
        } else if (end === timestamp) {
          leftWinAlreadyCreated = true
          this.updateWindowAndForward(new Window(start, end), next.value, record, closeTime)
          if (windowMaxRecordTimestamp < timestamp) {
            previousRecordTimestamp = windowMaxRecordTimestamp
          } else {
            // A record at this timestamp already created every window this one needs.
            return
          }
        } else {
          leftWinAgg = next.value
          previousRecordTimestamp = windowMaxRecordTimestamp
          break
        }
      }
    } finally {
      iterator.close()
    }
    this.createWindows(
      record,
      closeTime,
      windowStartTimes,
      rightWinAgg,
      leftWinAgg,
      leftWinAlreadyCreated,
      rightWinAlreadyCreated,
      previousRecordTimestamp,
    )
  }

  /** Records before d would open windows with negative starts; they share `[0, d]`. */
  private processEarly(record: Record<unknown, unknown>, closeTime: number): void {
    const timestamp = record.timestamp()
    let combinedWindow: { window: Window; value: ValueAndTimestamp<unknown> } | null = null
    let rightWinAgg: ValueAndTimestamp<unknown> | null = null
    let rightWinAlreadyCreated = false
    const windowStartTimes = new Set<number>()
    let previousRecordTimestamp: number | null = null
    const iterator = this.store.fetch(record.key(), record.key(), 0, timestamp + 1)
    try {
      while (iterator.hasNext()) {
        const next = iterator.next()
        const start = next.key.window().start()
        windowStartTimes.add(start)
        const windowMaxRecordTimestamp = next.value.timestamp()
        if (start === 0) {
          combinedWindow = { window: new Window(0, this.d), value: next.value }
          // A later maximum means the previous record's right window exists already.
          if (windowMaxRecordTimestamp < timestamp)
            previousRecordTimestamp = windowMaxRecordTimestamp
        } else if (start <= timestamp) {
          rightWinAgg = next.value
          this.updateWindowAndForward(
            new Window(start, start + this.d),
            next.value,
            record,
            closeTime,
          )
        } else if (start === timestamp + 1) {
          rightWinAlreadyCreated = true
        } else {
          throw new Error(
            `Unexpected window with start ${start} found when processing record at ${timestamp} in KStreamSlidingWindowAggregate`,
          )
        }
      }
    } finally {
      iterator.close()
    }
    // With no right window found, the combined window holds only records after this one
    // when its maximum is later.
    if (
      rightWinAgg === null &&
      combinedWindow !== null &&
      combinedWindow.value.timestamp() > timestamp
    ) {
      rightWinAgg = combinedWindow.value
    }
    if (!rightWinAlreadyCreated && this.rightWindowIsNotEmpty(rightWinAgg, timestamp)) {
      this.createCurrentRecordRightWindow(
        timestamp,
        rightWinAgg as ValueAndTimestamp<unknown>,
        record,
      )
    }
    if (previousRecordTimestamp !== null && !windowStartTimes.has(previousRecordTimestamp + 1)) {
      this.createPreviousRecordRightWindow(previousRecordTimestamp + 1, record, closeTime)
    }
    if (combinedWindow === null) {
      this.updateWindowAndForward(
        new Window(0, this.d),
        ValueAndTimestamp.make(this.spec.initializer(), timestamp),
        record,
        closeTime,
      )
    } else {
      this.updateWindowAndForward(combinedWindow.window, combinedWindow.value, record, closeTime)
    }
  }

  private createWindows(
    record: Record<unknown, unknown>,
    closeTime: number,
    windowStartTimes: Set<number>,
    rightWinAgg: ValueAndTimestamp<unknown> | null,
    leftWinAgg: ValueAndTimestamp<unknown> | null,
    leftWinAlreadyCreated: boolean,
    rightWinAlreadyCreated: boolean,
    previousRecordTimestamp: number | null,
  ): void {
    const timestamp = record.timestamp()
    if (previousRecordTimestamp !== null) {
      const previousRightWinStart = previousRecordTimestamp + 1
      // The previous record's right window is needed when this record falls into it.
      if (
        !windowStartTimes.has(previousRightWinStart) &&
        previousRightWinStart + this.d >= timestamp
      ) {
        this.createPreviousRecordRightWindow(previousRightWinStart, record, closeTime)
      }
    }
    if (!leftWinAlreadyCreated) {
      // The left window starts from the previous record's aggregate when that record is in it.
      const leftWindowNotEmpty =
        previousRecordTimestamp !== null && timestamp - this.d <= previousRecordTimestamp
      const value =
        leftWindowNotEmpty && leftWinAgg !== null
          ? ValueAndTimestamp.make(leftWinAgg.value(), timestamp)
          : ValueAndTimestamp.make(this.spec.initializer(), timestamp)
      this.updateWindowAndForward(
        new Window(timestamp - this.d, timestamp),
        value,
        record,
        closeTime,
      )
    }
    if (!rightWinAlreadyCreated && this.rightWindowIsNotEmpty(rightWinAgg, timestamp)) {
      this.createCurrentRecordRightWindow(
        timestamp,
        rightWinAgg as ValueAndTimestamp<unknown>,
        record,
      )
    }
  }

  /** The right window holds the later records only, so it takes their aggregate as is. */
  private createCurrentRecordRightWindow(
    timestamp: number,
    rightWinAgg: ValueAndTimestamp<unknown>,
    record: Record<unknown, unknown>,
  ): void {
    const window = new Window(timestamp + 1, timestamp + 1 + this.d)
    this.store.put(record.key(), rightWinAgg, window.start())
    this.maybeForwardUpdate(record, window, null, rightWinAgg.value(), rightWinAgg.timestamp())
  }

  private createPreviousRecordRightWindow(
    start: number,
    record: Record<unknown, unknown>,
    closeTime: number,
  ): void {
    this.updateWindowAndForward(
      new Window(start, start + this.d),
      ValueAndTimestamp.make(this.spec.initializer(), record.timestamp()),
      record,
      closeTime,
    )
  }

  private rightWindowIsNotEmpty(
    rightWinAgg: ValueAndTimestamp<unknown> | null,
    timestamp: number,
  ): boolean {
    return rightWinAgg !== null && rightWinAgg.timestamp() > timestamp
  }

  private updateWindowAndForward(
    window: Window,
    valueAndTime: ValueAndTimestamp<unknown> | null,
    record: Record<unknown, unknown>,
    closeTime: number,
  ): void {
    const start = window.start()
    const end = window.end()
    // Both ends are inclusive: a window whose end equals the close time still accepts updates.
    if (end >= closeTime) {
      const oldAgg = ValueAndTimestamp.getValueOrNull(valueAndTime)
      const newAgg = this.spec.aggregator(record.key(), record.value(), oldAgg)
      const newTimestamp =
        oldAgg === null || valueAndTime === null
          ? record.timestamp()
          : Math.max(record.timestamp(), valueAndTime.timestamp())
      this.store.put(record.key(), ValueAndTimestamp.make(newAgg, newTimestamp), start)
      this.maybeForwardUpdate(record, window, oldAgg, newAgg, newTimestamp)
    } else {
      dropExpired(
        this.context,
        record.timestamp(),
        `[${start},${end}]`,
        closeTime,
        this.observedStreamTime,
      )
    }
  }

  private maybeForwardFinalResult(record: Record<unknown, unknown>, closeTime: number): void {
    if (!this.shouldEmitFinal(closeTime)) return
    // A window whose end equals the close time is still open.
    const upperExclusive = closeTime - this.d
    if (upperExclusive <= 0) return
    const lower =
      this.lastEmitWindowCloseTime === NO_TIMESTAMP ? 0 : this.lastEmitWindowCloseTime - this.d
    this.fetchAndEmit(record, closeTime, lower, upperExclusive - 1)
  }
}

/**
 * Kafka's KStreamSessionWindowAggregate: a record at t merges every session of its key that
 * ends at or after t - gap and starts at or before t + gap (so records exactly gap apart
 * merge); merged sessions are removed and tombstoned before the new session is written.
 * Results carry the session end as timestamp.
 */
class KStreamSessionWindowAggregateProcessor implements OperatorProcessor {
  private context!: InternalProcessorContext
  private store!: SessionStore<unknown, unknown>
  private forwarder: TableForwarder | null = null
  private throttle: EmitThrottle | null = null
  private observedStreamTime = NO_TIMESTAMP
  private lastEmitWindowCloseTime = NO_TIMESTAMP

  constructor(
    private readonly spec: WindowedAggregation,
    private readonly windows: SessionWindows,
    private readonly merger: Merger<unknown, unknown>,
  ) {}

  init(context: InternalProcessorContext): void {
    this.context = context
    this.store = context.getStateStore(this.spec.storeName)
    if (this.spec.emitStrategy === 'onWindowClose') {
      this.throttle = new EmitThrottle(context.config.emitIntervalOnWindowCloseMs)
    } else {
      this.forwarder = new TableForwarder(
        context,
        this.spec.storeName,
        this.spec.sendOldValues,
        'session',
      )
    }
  }

  process(record: Record<unknown, unknown>): void {
    if (dropNullKey(this.context, false, record)) return
    const key = record.key()
    const timestamp = record.timestamp()
    const gap = this.windows.inactivityGapMs
    this.observedStreamTime = Math.max(this.observedStreamTime, timestamp)
    // A session can still grow by a record up to gap after its end, hence the gap here.
    const closeTime = this.observedStreamTime - this.windows.graceMs - gap
    const merged: { key: Windowed<unknown>; value: unknown }[] = []
    let mergedStart = timestamp
    let mergedEnd = timestamp
    let agg = this.spec.initializer()
    const iterator = this.store.findSessions(key, timestamp - gap, timestamp + gap)
    try {
      while (iterator.hasNext()) {
        const next = iterator.next()
        merged.push({ key: next.key, value: next.value })
        agg = this.merger(key, agg, next.value)
        mergedStart = Math.min(mergedStart, next.key.window().start())
        mergedEnd = Math.max(mergedEnd, next.key.window().end())
      }
    } finally {
      iterator.close()
    }
    const accepted = mergedEnd >= closeTime
    const replaced =
      accepted && (mergedStart !== timestamp || mergedEnd !== timestamp) ? merged : []
    // Kafka looks for closed sessions after the updates. Reading them first, less the sessions
    // this record merges away, finds the same ones (the session written is still open), but
    // before this record's write can expire them from an in-memory store.
    const closed = this.closedSessions(closeTime, replaced)
    if (!accepted) {
      dropExpired(
        this.context,
        timestamp,
        `[${mergedStart},${mergedEnd}]`,
        closeTime,
        this.observedStreamTime,
      )
    } else {
      for (const session of replaced) {
        this.store.remove(session.key)
        this.maybeForwardUpdate(session.key, session.value, null)
      }
      agg = this.spec.aggregator(key, record.value(), agg)
      const sessionKey = new Windowed(key, new Window(mergedStart, mergedEnd))
      this.store.put(sessionKey, agg)
      this.maybeForwardUpdate(sessionKey, null, agg)
    }
    if (closed !== null) {
      for (const session of closed) {
        this.context.forward(
          record
            .withKey(session.key)
            .withValue(change(session.value, null))
            .withTimestamp(session.key.window().end())
            .withHeaders(record.headers()),
        )
      }
      this.lastEmitWindowCloseTime = closeTime
    }
  }

  private maybeForwardUpdate(
    sessionKey: Windowed<unknown>,
    oldAgg: unknown,
    newAgg: unknown,
  ): void {
    if (this.forwarder === null) return
    this.forwarder.maybeForward(
      new Record(
        sessionKey,
        change(newAgg, this.spec.sendOldValues ? oldAgg : null),
        sessionKey.window().end(),
      ),
    )
  }

  /** The sessions to emit as final now, or null when Kafka would not look for any. */
  private closedSessions(
    closeTime: number,
    replaced: readonly { key: Windowed<unknown> }[],
  ): { key: Windowed<unknown>; value: unknown }[] | null {
    if (this.throttle === null) return null
    if (!this.throttle.due(this.context.currentSystemTimeMs())) return null
    if (
      this.lastEmitWindowCloseTime !== NO_TIMESTAMP &&
      this.lastEmitWindowCloseTime >= closeTime
    ) {
      return null
    }
    // Session ends are inclusive: sessions ending before the close time are closed.
    const upper = closeTime - 1
    if (upper < 0) return null
    const lower = Math.max(0, this.lastEmitWindowCloseTime)
    if (upper < lower) return null
    const closed: { key: Windowed<unknown>; value: unknown }[] = []
    const iterator = this.store.findSessions(null, null, lower, Number.MAX_SAFE_INTEGER)
    try {
      while (iterator.hasNext()) {
        const next = iterator.next()
        const end = next.key.window().end()
        if (end > upper || replaced.some((r) => sameSession(r.key, next.key))) continue
        closed.push({ key: next.key, value: next.value })
      }
    } finally {
      iterator.close()
    }
    // Kafka reads a time-ordered session store here: by end time, then key.
    closed.sort((a, b) => a.key.window().end() - b.key.window().end())
    return closed
  }
}

function sameSession(a: Windowed<unknown>, b: Windowed<unknown>): boolean {
  if (a.window().start() !== b.window().start() || a.window().end() !== b.window().end()) {
    return false
  }
  const x = a.key()
  const y = b.key()
  return x === y || (typeof x === 'object' && JSON.stringify(x) === JSON.stringify(y))
}

/** Builds the processor for any window kind (cogroup uses it with its own aggregator). */
export function windowedAggregateProcessor(
  windows: TimeWindows | SlidingWindows | SessionWindows,
  spec: WindowedAggregation,
  merger: Merger<unknown, unknown> | null,
): OperatorProcessor {
  if (windows instanceof TimeWindows) return new KStreamWindowAggregateProcessor(spec, windows)
  if (windows instanceof SlidingWindows) {
    return new KStreamSlidingWindowAggregateProcessor(spec, windows)
  }
  if (merger === null) {
    throw new TypeError('A session window aggregation needs a session merger')
  }
  return new KStreamSessionWindowAggregateProcessor(spec, windows, merger)
}

function fromDefinition(def: OperatorDefinition): OperatorProcessor {
  const { initializer, aggregator, merger } = windowedFunctions(def)
  return windowedAggregateProcessor(
    param<TimeWindows | SlidingWindows | SessionWindows>(def, 'windows'),
    {
      storeName: param(def, 'storeName'),
      emitStrategy: (def['emitStrategy'] as EmitStrategyType | undefined) ?? 'onWindowUpdate',
      sendOldValues: sendOldValues(def),
      initializer,
      aggregator,
    },
    merger,
  )
}

export const windowedAggregateOperators: { readonly [operator: string]: OperatorFactory } = {
  KStreamWindowAggregate: fromDefinition,
  KStreamSlidingWindowAggregate: fromDefinition,
  KStreamSessionWindowAggregate: fromDefinition,
}
