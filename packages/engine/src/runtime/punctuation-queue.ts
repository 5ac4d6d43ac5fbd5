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

  /**
   * Fires every schedule due at `nowMs`, earliest first; returns whether any fired. As Kafka,
   * the queue is looked at again after each punctuation, so a schedule a punctuator adds fires
   * in the same check when it is already due.
   */
  maybePunctuate(
    nowMs: number,
    fire: (schedule: PunctuationSchedule, nowMs: number) => void,
  ): boolean {
    let punctuated = false
    // First every schedule, then only those the punctuators just added.
    let fromSequence = 0
    for (;;) {
      const addedFrom = this.sequence
      this.schedules = this.schedules.filter((s) => !s.cancelled)
      const due = this.schedules
        .filter((s) => s.sequence >= fromSequence && s.dueMs <= nowMs)
        .sort((a, b) => a.dueMs - b.dueMs || a.sequence - b.sequence)
      if (due.length === 0) return punctuated
      for (const schedule of due) {
        if (schedule.cancelled) continue
        const next = schedule.dueMs + schedule.intervalMs
        schedule.dueMs =
          nowMs >= next
            ? nowMs - ((nowMs - schedule.dueMs) % schedule.intervalMs) + schedule.intervalMs
            : next
        punctuated = true
        fire(schedule, nowMs)
      }
      fromSequence = addedFrom
    }
  }

  get size(): number {
    return this.schedules.filter((s) => !s.cancelled).length
  }
}
