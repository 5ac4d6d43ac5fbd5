// Snapshots (metrics, taps) to one client, one at a time: the next is sent when the client has
// acknowledged the previous one, and while it has not, a newer snapshot replaces the waiting one.
// A slow client so gets the latest state, never a growing backlog.

/** Sends a payload and calls `done` once the client acknowledged it (or gave up waiting). */
export type SendWithAck<T> = (payload: T, done: () => void) => void

export class SnapshotDelivery<T> {
  private busy = false
  private waiting: { payload: T } | null = null

  constructor(private readonly send: SendWithAck<T>) {}

  offer(payload: T): void {
    if (this.busy) {
      this.waiting = { payload }
      return
    }
    this.busy = true
    this.send(payload, () => {
      this.busy = false
      const next = this.waiting
      this.waiting = null
      if (next !== null) this.offer(next.payload)
    })
  }
}
