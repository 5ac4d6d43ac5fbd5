import type { TimestampExtractor } from '../topology/node-factory'
import { StreamsException } from './streams-exception'

/** Kafka's default: the record's own timestamp; a negative one stops processing. */
export const failOnInvalidTimestamp: TimestampExtractor = {
  extract(record) {
    if (record.timestamp < 0) {
      throw new StreamsException(
        `Input record has invalid (negative) timestamp ${record.timestamp}. Use a different TimestampExtractor (e.g. LogAndSkipOnInvalidTimestamp) to process this data.`,
      )
    }
    return record.timestamp
  },
  toString: () => 'FailOnInvalidTimestamp',
}

/** Negative timestamps pass through; the task then drops the record. */
const logAndSkipOnInvalidTimestamp: TimestampExtractor = {
  extract: (record) => record.timestamp,
  toString: () => 'LogAndSkipOnInvalidTimestamp',
}

const usePartitionTimeOnInvalidTimestamp: TimestampExtractor = {
  extract(record, partitionTime) {
    if (record.timestamp >= 0) return record.timestamp
    if (partitionTime < 0) {
      throw new StreamsException(
        `Could not infer new timestamp for input record because partition time is unknown (record timestamp ${record.timestamp}).`,
      )
    }
    return partitionTime
  },
  toString: () => 'UsePartitionTimeOnInvalidTimestamp',
}

const wallclockTimestampExtractor: TimestampExtractor = {
  extract: () => Date.now(),
  toString: () => 'WallclockTimestampExtractor',
}

const BUILTIN = [
  failOnInvalidTimestamp,
  logAndSkipOnInvalidTimestamp,
  usePartitionTimeOnInvalidTimestamp,
  wallclockTimestampExtractor,
]

/** Finds a built-in extractor by its (Java class) name. */
export function builtinTimestampExtractor(name: string, configKey: string): TimestampExtractor {
  const simple = name.slice(name.lastIndexOf('.') + 1)
  const found = BUILTIN.find((extractor) => extractor.toString() === simple)
  if (found === undefined) {
    throw new TypeError(
      `Invalid value ${name} for configuration ${configKey}: expected one of ${BUILTIN.map(String).join(', ')} or an extractor object`,
    )
  }
  return found
}
