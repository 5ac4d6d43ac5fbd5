import type { Header } from '../processor/record'

/**
 * Where the record being processed came from, as Kafka's `ProcessorRecordContext`. Inside a
 * punctuator topic is null and partition and offset are -1.
 */
export interface RecordContext {
  readonly timestamp: number
  readonly offset: number
  readonly partition: number
  readonly topic: string | null
  readonly headers: readonly Header[]
}

export function punctuationContext(timestamp: number): RecordContext {
  return { timestamp, offset: -1, partition: -1, topic: null, headers: [] }
}
