// Conversions between kafkajs messages and the runtime's records: bytes stay bytes (Buffers
// are Uint8Arrays), headers keep their order per key and their null values.
import type { IHeaders, KafkaMessage, Message } from 'kafkajs'
import type { Header } from '../processor/record'
import { partitionForKey } from '../runtime/default-partitioner'
import type { ProducedRecord } from '../runtime/record-collector'
import type { RawRecord } from '../runtime/stream-task'

export function rawRecord(topic: string, partition: number, message: KafkaMessage): RawRecord {
  return {
    topic,
    partition,
    offset: Number(message.offset),
    timestamp: Number(message.timestamp),
    key: message.key,
    value: message.value,
    headers: headersOf(message.headers),
  }
}

function headersOf(headers: IHeaders | undefined): Header[] {
  if (headers === undefined) return []
  const list: Header[] = []
  for (const [key, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      list.push({
        key,
        value:
          one === undefined || one === null
            ? null
            : typeof one === 'string'
              ? Buffer.from(one)
              : one,
      })
    }
  }
  return list
}

function kafkajsHeaders(headers: readonly Header[]): IHeaders | undefined {
  if (headers.length === 0) return undefined
  const out: Record<string, Buffer[]> = {}
  for (const { key, value } of headers) {
    // kafkajs writes a null header value as Kafka's null (length -1).
    ;(out[key] ??= []).push(value === null ? (null as unknown as Buffer) : bufferOf(value))
  }
  return out
}

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * A produced record as kafkajs sends it. The partition is the record's own, else murmur2 of
 * the key over the topic's partitions (as Java's default partitioner), else kafkajs' choice.
 */
export function kafkajsMessage(record: ProducedRecord, partitions: number | null): Message {
  const partition =
    record.partition ??
    (record.key !== null && partitions !== null && partitions > 0
      ? partitionForKey(record.key, partitions)
      : undefined)
  const headers = kafkajsHeaders(record.headers)
  return {
    key: record.key === null ? null : bufferOf(record.key),
    value: record.value === null ? null : bufferOf(record.value),
    ...(partition !== undefined ? { partition } : {}),
    ...(record.timestamp !== null ? { timestamp: String(record.timestamp) } : {}),
    ...(headers !== undefined ? { headers } : {}),
  }
}
