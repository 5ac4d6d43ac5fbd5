// Writes sample records to a topic at a steady rate until stopped: every tick sends what the
// rate owes since the start, so slow sends are caught up without ever bursting past a second's
// worth of records.
import type { GeneratorStatus, StartGeneratorRequest } from '@topology-studio/shared'
import type { OutgoingRecord } from './cluster-connection'
import { sampleDataSource } from '@topology-studio/shared'

const TICK_MS = 100

export interface RecordSink {
  send(topic: string, records: OutgoingRecord[]): Promise<unknown>
}

export class SampleDataGenerator {
  private produced = 0
  private state: GeneratorStatus['state'] = 'running'
  private error: string | null = null
  private readonly startedAt = new Date()
  private readonly started = performance.now()
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly next: ReturnType<typeof sampleDataSource>
  private readonly finished: Promise<void>
  private finish: () => void = () => undefined

  constructor(
    readonly id: string,
    readonly clusterId: string,
    private readonly request: StartGeneratorRequest,
    private readonly sink: RecordSink,
  ) {
    this.next = sampleDataSource(request.kind)
    this.finished = new Promise((resolve) => (this.finish = resolve))
    this.schedule(0)
  }

  status(): GeneratorStatus {
    return {
      id: this.id,
      clusterId: this.clusterId,
      kind: this.request.kind,
      topic: this.request.topic,
      recordsPerSecond: this.request.recordsPerSecond,
      state: this.state,
      produced: this.produced,
      startedAt: this.startedAt.toISOString(),
      error: this.error,
    }
  }

  /** Stops after the batch in flight, if any, has been acknowledged. */
  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopped'
    if (this.timer !== undefined) {
      clearTimeout(this.timer)
      this.timer = undefined
      this.finish()
    }
    await this.finished
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.tick()
    }, delay)
  }

  private async tick(): Promise<void> {
    const { recordsPerSecond, maxRecords } = this.request
    const elapsed = (performance.now() - this.started) / 1000
    const owed = Math.floor(elapsed * recordsPerSecond) - this.produced
    const limit = maxRecords === undefined ? Infinity : maxRecords - this.produced
    const count = Math.max(0, Math.min(owed, Math.ceil(recordsPerSecond), limit))
    if (count > 0) {
      const records = Array.from({ length: count }, () => {
        const record = this.next()
        return { key: record.key, value: record.value, timestamp: String(record.timestamp) }
      })
      try {
        await this.sink.send(this.request.topic, records)
        this.produced += count
      } catch (error) {
        this.state = 'failed'
        this.error = (error as Error).message
      }
    }
    if (maxRecords !== undefined && this.produced >= maxRecords && this.state === 'running') {
      this.state = 'stopped'
    }
    if (this.state !== 'running') {
      this.finish()
      return
    }
    this.schedule(TICK_MS)
  }
}
