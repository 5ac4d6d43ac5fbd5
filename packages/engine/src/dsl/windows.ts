// Window specifications, with the validation messages of Kafka Streams' window classes.
// Durations are milliseconds.

const DEFAULT_GRACE_PERIOD_MS = 24 * 60 * 60 * 1000

function checkDuration(value: number, what: string, allowZero: boolean): number {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    throw new RangeError(`${what} must be a whole number of milliseconds (was ${value})`)
  }
  if (value < 0 || (!allowZero && value === 0)) {
    throw new RangeError(
      `${what} must be ${allowZero ? 'non-negative' : 'positive'} (was ${value})`,
    )
  }
  return value
}

/** Tumbling (advance = size) or hopping windows `[start, start + size)`, aligned to epoch. */
export class TimeWindows {
  private constructor(
    readonly sizeMs: number,
    readonly advanceMs: number,
    readonly graceMs: number,
  ) {}

  static ofSizeWithNoGrace(sizeMs: number): TimeWindows {
    return TimeWindows.ofSizeAndGrace(sizeMs, 0)
  }

  static ofSizeAndGrace(sizeMs: number, graceMs: number): TimeWindows {
    checkDuration(sizeMs, 'Window size (sizeMs)', false)
    checkDuration(graceMs, 'Grace period (afterWindowEnd)', true)
    return new TimeWindows(sizeMs, sizeMs, graceMs)
  }

  advanceBy(advanceMs: number): TimeWindows {
    checkDuration(advanceMs, 'Window advancement interval (advanceMs)', false)
    if (advanceMs > this.sizeMs) {
      throw new RangeError(
        `Window advancement interval should be more than zero and less than window duration which is ${this.sizeMs} ms, but given advancement interval is: ${advanceMs} ms`,
      )
    }
    return new TimeWindows(this.sizeMs, advanceMs, this.graceMs)
  }

  size(): number {
    return this.sizeMs
  }

  gracePeriodMs(): number {
    return this.graceMs
  }

  /** Start times of every window containing `timestamp`. */
  windowStartsFor(timestamp: number): number[] {
    const starts: number[] = []
    let start = Math.max(0, timestamp - this.sizeMs + this.advanceMs)
    start -= start % this.advanceMs
    for (; start <= timestamp; start += this.advanceMs) starts.push(start)
    return starts
  }
}

/** Sliding windows of a fixed time difference, both ends inclusive, created around records. */
export class SlidingWindows {
  private constructor(
    readonly timeDifferenceMs: number,
    readonly graceMs: number,
  ) {}

  static ofTimeDifferenceWithNoGrace(timeDifferenceMs: number): SlidingWindows {
    return SlidingWindows.ofTimeDifferenceAndGrace(timeDifferenceMs, 0)
  }

  static ofTimeDifferenceAndGrace(timeDifferenceMs: number, graceMs: number): SlidingWindows {
    checkDuration(timeDifferenceMs, 'Window time difference (timeDifferenceMs)', true)
    checkDuration(graceMs, 'Grace period (afterWindowEnd)', true)
    return new SlidingWindows(timeDifferenceMs, graceMs)
  }

  gracePeriodMs(): number {
    return this.graceMs
  }
}

/** Session windows: activity separated by gaps longer than the inactivity gap. */
export class SessionWindows {
  private constructor(
    readonly inactivityGapMs: number,
    readonly graceMs: number,
  ) {}

  static ofInactivityGapWithNoGrace(inactivityGapMs: number): SessionWindows {
    return SessionWindows.ofInactivityGapAndGrace(inactivityGapMs, 0)
  }

  static ofInactivityGapAndGrace(inactivityGapMs: number, graceMs: number): SessionWindows {
    checkDuration(inactivityGapMs, 'Gap time (inactivityGap)', false)
    checkDuration(graceMs, 'Grace period (afterWindowEnd)', true)
    return new SessionWindows(inactivityGapMs, graceMs)
  }

  inactivityGap(): number {
    return this.inactivityGapMs
  }

  gracePeriodMs(): number {
    return this.graceMs
  }
}

/** Windows of a stream–stream join: a record at t matches `[t - before, t + after]`. */
export class JoinWindows {
  private constructor(
    readonly beforeMs: number,
    readonly afterMs: number,
    readonly graceMs: number,
    /** False for the deprecated `JoinWindows.of`: unmatched outer results are not delayed. */
    readonly enableSpuriousResultFix: boolean,
  ) {}

  static ofTimeDifferenceWithNoGrace(timeDifferenceMs: number): JoinWindows {
    return JoinWindows.ofTimeDifferenceAndGrace(timeDifferenceMs, 0)
  }

  static ofTimeDifferenceAndGrace(timeDifferenceMs: number, graceMs: number): JoinWindows {
    checkDuration(timeDifferenceMs, 'Join window time difference (timeDifference)', true)
    checkDuration(graceMs, 'Grace period (afterWindowEnd)', true)
    return new JoinWindows(timeDifferenceMs, timeDifferenceMs, graceMs, true)
  }

  /** @deprecated as in Kafka Streams: grace is 24h minus twice the difference. */
  static of(timeDifferenceMs: number): JoinWindows {
    checkDuration(timeDifferenceMs, 'Join window time difference (timeDifference)', true)
    return new JoinWindows(
      timeDifferenceMs,
      timeDifferenceMs,
      Math.max(DEFAULT_GRACE_PERIOD_MS - 2 * timeDifferenceMs, 0),
      false,
    )
  }

  before(timeDifferenceMs: number): JoinWindows {
    checkDuration(timeDifferenceMs + this.afterMs, 'Window size (before + after)', true)
    return new JoinWindows(
      timeDifferenceMs,
      this.afterMs,
      this.graceMs,
      this.enableSpuriousResultFix,
    )
  }

  after(timeDifferenceMs: number): JoinWindows {
    checkDuration(timeDifferenceMs + this.beforeMs, 'Window size (before + after)', true)
    return new JoinWindows(
      this.beforeMs,
      timeDifferenceMs,
      this.graceMs,
      this.enableSpuriousResultFix,
    )
  }

  size(): number {
    return this.beforeMs + this.afterMs
  }

  gracePeriodMs(): number {
    return this.graceMs
  }
}
