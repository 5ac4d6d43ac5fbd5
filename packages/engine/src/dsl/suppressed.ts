import { validateName } from './internal/names'

/** Limits of a suppression buffer and what to do when they are hit, as Kafka's `BufferConfig`. */
export class BufferConfig {
  private constructor(
    readonly maxRecords: number | null,
    readonly maxBytes: number | null,
    readonly whenFull: 'emitEarly' | 'shutDown',
    readonly loggingEnabled: boolean,
  ) {}

  static maxRecords(records: number): BufferConfig {
    return new BufferConfig(checkLimit(records, 'maxRecords'), null, 'emitEarly', true)
  }

  static maxBytes(bytes: number): BufferConfig {
    return new BufferConfig(null, checkLimit(bytes, 'maxBytes'), 'emitEarly', true)
  }

  static unbounded(): BufferConfig {
    return new BufferConfig(null, null, 'shutDown', true)
  }

  withMaxRecords(records: number): BufferConfig {
    return new BufferConfig(
      checkLimit(records, 'maxRecords'),
      this.maxBytes,
      this.whenFull,
      this.loggingEnabled,
    )
  }

  withMaxBytes(bytes: number): BufferConfig {
    return new BufferConfig(
      this.maxRecords,
      checkLimit(bytes, 'maxBytes'),
      this.whenFull,
      this.loggingEnabled,
    )
  }

  withNoBound(): BufferConfig {
    return new BufferConfig(null, null, 'shutDown', this.loggingEnabled)
  }

  emitEarlyWhenFull(): BufferConfig {
    return new BufferConfig(this.maxRecords, this.maxBytes, 'emitEarly', this.loggingEnabled)
  }

  shutDownWhenFull(): BufferConfig {
    return new BufferConfig(this.maxRecords, this.maxBytes, 'shutDown', this.loggingEnabled)
  }

  withLoggingDisabled(): BufferConfig {
    return new BufferConfig(this.maxRecords, this.maxBytes, this.whenFull, false)
  }

  withLoggingEnabled(): BufferConfig {
    return new BufferConfig(this.maxRecords, this.maxBytes, this.whenFull, true)
  }

  isUnbounded(): boolean {
    return this.maxRecords === null && this.maxBytes === null
  }
}

function checkLimit(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a positive integer (was ${value})`)
  }
  return value
}

/** What `KTable#suppress` holds back, as Kafka's `Suppressed`. */
export class Suppressed {
  private constructor(
    readonly mode: 'untilWindowCloses' | 'untilTimeLimit',
    readonly timeLimitMs: number,
    readonly bufferConfig: BufferConfig,
    readonly name: string | null,
  ) {}

  /** Final results of windowed tables only, once window end + grace has passed. */
  static untilWindowCloses(bufferConfig: BufferConfig): Suppressed {
    return new Suppressed('untilWindowCloses', 0, bufferConfig, null)
  }

  /** The latest update per key once `timeLimitMs` of stream time has passed since its first. */
  static untilTimeLimit(timeLimitMs: number, bufferConfig: BufferConfig): Suppressed {
    if (!Number.isFinite(timeLimitMs) || timeLimitMs < 0) {
      throw new RangeError(`Suppression time limit must not be negative (was ${timeLimitMs})`)
    }
    return new Suppressed('untilTimeLimit', timeLimitMs, bufferConfig, null)
  }

  withName(name: string): Suppressed {
    return new Suppressed(this.mode, this.timeLimitMs, this.bufferConfig, validateName(name))
  }
}
