import type { PunctuationType } from '../processor/processor'

export interface PunctuationSchedule {
  readonly nodeName: string
  readonly intervalMs: number
  readonly punctuator: (timestamp: number) => void
  /** The next due time. */
  dueMs: number
  cancelled: boolean
  /** Ties between schedules due at the same time fire in scheduling order. */
  readonly sequence: number
}

/**
 * Punctuation schedules of one type, fired in due-time order. As Kafka's PunctuationQueue, a
 * schedule fires at most once per check, with the current time, and missed intervals are
 * skipped: the next due time is the first interval boundary after now.
 */
export class PunctuationQueue {
  private schedules: PunctuationSchedule[] = []
  private sequence = 0

  constructor(readonly type: PunctuationType) {}

  schedule(
    nodeName: string,
    firstDueMs: number,
    intervalMs: number,
    punctuator: (timestamp: number) => void,
  ): PunctuationSchedule {
    const schedule: PunctuationSchedule = {
      nodeName,
      intervalMs,
      punctuator,
      dueMs: firstDueMs,
      cancelled: false,
      sequence: this.sequence++,
    }
    this.schedules.push(schedule)
    return schedule
  }

  /** Fires every schedule due at `nowMs`; returns whether any fired. */
  maybePunctuate(
    nowMs: number,
    fire: (schedule: PunctuationSchedule, nowMs: number) => void,
  ): boolean {
    this.schedules = this.schedules.filter((s) => !s.cancelled)
    const due = this.schedules
      .filter((s) => s.dueMs <= nowMs)
      .sort((a, b) => a.dueMs - b.dueMs || a.sequence - b.sequence)
    for (const schedule of due) {
      if (schedule.cancelled) continue
      const next = schedule.dueMs + schedule.intervalMs
      schedule.dueMs =
        nowMs >= next
          ? nowMs - ((nowMs - schedule.dueMs) % schedule.intervalMs) + schedule.intervalMs
          : next
      fire(schedule, nowMs)
    }
    return due.length > 0
  }

  get size(): number {
    return this.schedules.filter((s) => !s.cancelled).length
  }
}
