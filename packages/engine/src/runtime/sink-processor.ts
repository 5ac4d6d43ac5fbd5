import type { Processor, RecordMetadata } from '../processor/processor'
import type { Record } from '../processor/record'
import type { Serde } from '../serde/serde'
import { prepareSerde } from '../serde/wrapping-nullable-serde'
import type { SinkNodeFactory } from '../topology/node-factory'
import type { ProcessorContextImpl } from './processor-context-impl'
import type { RecordCollector } from './record-collector'
import { messageOf, StreamsException } from './streams-exception'

function requireSerde(
  serde: Serde<unknown> | null,
  fallback: Serde<unknown> | null,
  which: 'key' | 'value',
  node: string,
): Serde<unknown> {
  const chosen = serde ?? fallback
  if (chosen === null) {
    throw new StreamsException(
      `Sink ${node} has no ${which} serde: set one with Produced.with(...) or configure default.${which}.serde`,
    )
  }
  return chosen
}

/** Writes each record to its topic (or the extractor's) with the sink's serdes, as SinkNode. */
export function sinkProcessor(
  factory: SinkNodeFactory,
  context: ProcessorContextImpl,
  collector: RecordCollector,
  runtimeTopic: (topic: string) => string,
): Processor<unknown, unknown, never, never> {
  let keySerde: Serde<unknown> | null = null
  let valueSerde: Serde<unknown> | null = null
  return {
    init() {
      const { defaultKeySerde, defaultValueSerde } = context.config
      keySerde = prepareSerde(
        requireSerde(factory.keySerde, defaultKeySerde, 'key', factory.name),
        defaultKeySerde,
        defaultValueSerde,
      )
      valueSerde = prepareSerde(
        requireSerde(factory.valueSerde, defaultValueSerde, 'value', factory.name),
        defaultKeySerde,
        defaultValueSerde,
      )
    },
    process(record: Record<unknown, unknown>) {
      const key = record.key()
      const value = record.value()
      const timestamp = record.timestamp()
      const topic = runtimeTopic(
        factory.topicExtractor !== null
          ? factory.topicExtractor.extract(key, value, context.recordMetadata() as RecordMetadata)
          : (factory.topic as string),
      )
      if (timestamp < 0) {
        throw new StreamsException(
          `Invalid (negative) timestamp of ${timestamp} for output record <${String(key)}:${String(value)}> at sink ${factory.name}.`,
        )
      }
      let keyBytes: Uint8Array | null
      let valueBytes: Uint8Array | null
      try {
        keyBytes = (keySerde as Serde<unknown>).serialize(topic, key)
        valueBytes = (valueSerde as Serde<unknown>).serialize(topic, value)
      } catch (error) {
        throw new StreamsException(
          `Sink ${factory.name} could not serialize the record for topic ${topic} (key ${(keySerde as Serde<unknown>).name}, value ${(valueSerde as Serde<unknown>).name}): ${messageOf(error)}`,
          { cause: error },
        )
      }
      let partition: number | null = null
      if (factory.partitioner !== null) {
        const count = collector.partitionsFor(topic)
        if (count !== null) partition = factory.partitioner.partition(topic, key, value, count)
      }
      collector.send({
        topic,
        partition,
        key: keyBytes,
        value: valueBytes,
        timestamp,
        headers: record.headers(),
      })
    },
  }
}
