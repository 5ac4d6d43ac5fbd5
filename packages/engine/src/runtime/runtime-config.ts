// Reads the Kafka Streams config keys the runtime honours, with Kafka's defaults, and refuses
// values it cannot use with a message naming the key.
import { serdeByName } from '../serde/serdes'
import type { Serde } from '../serde/serde'
import type { TimestampExtractor } from '../topology/node-factory'
import { builtinTimestampExtractor } from './timestamp-extractors'

/** Config as given by users: Kafka Streams keys; serdes and handlers may be objects. */
export type RuntimeProps = Readonly<Record<string, unknown>>

export type ExceptionHandlerResponse = 'CONTINUE' | 'FAIL'

/** Decides what happens to a record whose processing or deserialization threw. */
export interface ErrorHandlerContext {
  readonly topic: string | null
  readonly partition: number
  readonly offset: number
  readonly processorNodeId: string
  readonly taskId: string
  readonly timestamp: number
}

export type ExceptionHandler = (
  context: ErrorHandlerContext,
  error: unknown,
) => ExceptionHandlerResponse

export interface RuntimeConfig {
  readonly applicationId: string
  readonly defaultKeySerde: Serde<unknown> | null
  readonly defaultValueSerde: Serde<unknown> | null
  readonly defaultTimestampExtractor: TimestampExtractor | null
  /** `statestore.cache.max.bytes` (or the deprecated `cache.max.bytes.buffering`). */
  readonly cacheMaxBytes: number
  readonly numStreamThreads: number
  readonly deserializationExceptionHandler: ExceptionHandler
  readonly processingExceptionHandler: ExceptionHandler
  /** How often windowed aggregations with onWindowClose look for closed windows. */
  readonly emitIntervalOnWindowCloseMs: number
  /** How often left/outer stream joins look for unmatched records to emit. */
  readonly outerJoinSpuriousResultsFixIntervalMs: number
  readonly props: RuntimeProps
}

const CACHE_DEFAULT = 10 * 1024 * 1024
export const EMIT_INTERVAL_ON_WINDOW_CLOSE = '__emit.interval.ms.kstreams.windowed.aggregation__'
export const OUTER_JOIN_EMIT_INTERVAL =
  '__emit.interval.ms.kstreams.outer.join.spurious.results.fix__'

/**
 * What the test driver sets unless told otherwise, as Kafka's does: closed windows and unmatched
 * join records are looked for after every record, not on an interval.
 */
export const CHECK_AFTER_EVERY_RECORD: RuntimeProps = {
  [EMIT_INTERVAL_ON_WINDOW_CLOSE]: 0,
  [OUTER_JOIN_EMIT_INTERVAL]: 0,
}

const logAndContinue: ExceptionHandler = () => 'CONTINUE'
const logAndFail: ExceptionHandler = () => 'FAIL'

/** The serde a config key names (`default.key.serde`…): a serde object, a short or a Java class name. */
export function configuredSerde(props: RuntimeProps, key: string): Serde<unknown> | null {
  const value = props[key]
  if (value === undefined || value === null) return null
  if (typeof value === 'string') {
    // Java class names (`...Serdes$StringSerde`) and short names (`String`) both work.
    const short = /(?:Serdes\$)?([A-Za-z]+?)Serde$/.exec(value)?.[1] ?? value
    const serde = serdeByName(short)
    if (serde === undefined) {
      throw new TypeError(
        `Invalid value ${value} for configuration ${key}: no such serde (use String, Long, Integer, Double, ByteArray, Json or a serde object)`,
      )
    }
    return serde
  }
  if (typeof value === 'object' && 'serialize' in value && 'deserialize' in value) {
    return value as Serde<unknown>
  }
  throw new TypeError(`Invalid value for configuration ${key}: expected a serde`)
}

function numberOf(props: RuntimeProps, key: string, fallback: number): number {
  const value = props[key]
  if (value === undefined || value === null) return fallback
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n) || n < 0) {
    throw new TypeError(
      `Invalid value ${String(value)} for configuration ${key}: expected a non-negative number`,
    )
  }
  return n
}

function handlerOf(
  props: RuntimeProps,
  keys: readonly string[],
  continueName: RegExp,
  failName: RegExp,
): ExceptionHandler {
  for (const key of keys) {
    const value = props[key]
    if (value === undefined || value === null) continue
    if (typeof value === 'function') return value as ExceptionHandler
    if (typeof value === 'string') {
      if (continueName.test(value)) return logAndContinue
      if (failName.test(value)) return logAndFail
    }
    throw new TypeError(
      `Invalid value ${String(value)} for configuration ${key}: expected LogAndContinue…, LogAndFail… or a handler function`,
    )
  }
  return logAndFail
}

export function runtimeConfig(props: RuntimeProps): RuntimeConfig {
  const applicationId = props['application.id']
  const extractor = props['default.timestamp.extractor']
  return {
    applicationId: typeof applicationId === 'string' ? applicationId : '',
    defaultKeySerde: configuredSerde(props, 'default.key.serde'),
    defaultValueSerde: configuredSerde(props, 'default.value.serde'),
    defaultTimestampExtractor:
      extractor === undefined || extractor === null
        ? null
        : typeof extractor === 'object'
          ? (extractor as TimestampExtractor)
          : builtinTimestampExtractor(String(extractor), 'default.timestamp.extractor'),
    cacheMaxBytes: numberOf(
      props,
      'statestore.cache.max.bytes',
      numberOf(props, 'cache.max.bytes.buffering', CACHE_DEFAULT),
    ),
    numStreamThreads: numberOf(props, 'num.stream.threads', 1),
    deserializationExceptionHandler: handlerOf(
      props,
      ['deserialization.exception.handler', 'default.deserialization.exception.handler'],
      /LogAndContinue/,
      /LogAndFail/,
    ),
    processingExceptionHandler: handlerOf(
      props,
      ['processing.exception.handler'],
      /LogAndContinue/,
      /LogAndFail/,
    ),
    emitIntervalOnWindowCloseMs: numberOf(props, EMIT_INTERVAL_ON_WINDOW_CLOSE, 1000),
    outerJoinSpuriousResultsFixIntervalMs: numberOf(props, OUTER_JOIN_EMIT_INTERVAL, 1000),
    props,
  }
}
