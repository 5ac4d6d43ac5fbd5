// A record typed by hand into the produce form, checked before it is sent so the form can say
// which field is wrong and why; the server checks again when it encodes with the serdes.
import type { ProduceRequest, Serde } from '@topology-studio/shared'

export interface RecordForm {
  keySerde: Serde
  valueSerde: Serde
  /** Empty: a record with a null key. */
  key: string
  /** Empty: a tombstone (null value). */
  value: string
  /** Empty: the partitioner picks (murmur2 of the key, as Java producers do). */
  partition: string
  /** Empty: the broker's time; otherwise epoch milliseconds or an ISO 8601 date-time. */
  timestamp: string
}

export type RecordFormProblem = { readonly field: keyof RecordForm; readonly message: string }

export type ParsedRecordForm =
  | { readonly ok: true; readonly request: ProduceRequest }
  | { readonly ok: false; readonly problems: readonly RecordFormProblem[] }

const WHOLE = /^-?\d+$/

function fieldValue(
  serde: Serde,
  text: string,
  field: 'key' | 'value',
  problems: RecordFormProblem[],
): unknown {
  if (text === '') return null
  switch (serde) {
    case 'String':
      return text
    case 'Json':
      try {
        return JSON.parse(text) as unknown
      } catch (error) {
        problems.push({ field, message: `not JSON: ${(error as Error).message}` })
        return undefined
      }
    case 'ByteArray':
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text.trim()) || text.trim().length % 4 !== 0) {
        problems.push({ field, message: 'ByteArray takes base64 text' })
        return undefined
      }
      return text.trim()
    case 'Double': {
      const number = Number(text)
      if (text.trim() === '' || !Number.isFinite(number)) {
        problems.push({ field, message: `Double takes a number, not "${text}"` })
        return undefined
      }
      return number
    }
    case 'Long':
    case 'Integer': {
      const trimmed = text.trim()
      if (!WHOLE.test(trimmed)) {
        problems.push({ field, message: `${serde} takes a whole number, not "${text}"` })
        return undefined
      }
      const number = Number(trimmed)
      const fits =
        serde === 'Integer'
          ? number >= -(2 ** 31) && number < 2 ** 31
          : Number.isSafeInteger(number)
      if (!fits) {
        problems.push({
          field,
          message:
            serde === 'Integer'
              ? `${trimmed} is out of range for Integer (32 bits)`
              : `${trimmed} is beyond ±2^53 - 1, which the engine's Long holds exactly`,
        })
        return undefined
      }
      return number
    }
  }
}

/** Epoch milliseconds from a number or an ISO date-time, or a reason. */
export function parseTimestamp(text: string): number | string {
  const trimmed = text.trim()
  if (WHOLE.test(trimmed)) {
    const ms = Number(trimmed)
    return ms >= 0 && Number.isSafeInteger(ms) ? ms : 'must be at or after 1970-01-01'
  }
  const ms = Date.parse(trimmed)
  if (Number.isNaN(ms)) return `"${text}" is neither epoch milliseconds nor an ISO date-time`
  return ms >= 0 ? ms : 'must be at or after 1970-01-01'
}

/** The produce request for the form's record, or every field that is wrong. */
export function parseRecordForm(form: RecordForm, partitions: number): ParsedRecordForm {
  const problems: RecordFormProblem[] = []
  const key = fieldValue(form.keySerde, form.key, 'key', problems)
  const value = fieldValue(form.valueSerde, form.value, 'value', problems)
  let partition: number | undefined
  if (form.partition.trim() !== '') {
    const chosen = Number(form.partition)
    if (!Number.isInteger(chosen) || chosen < 0 || chosen >= partitions)
      problems.push({
        field: 'partition',
        message: `the topic has partitions 0 to ${partitions - 1}`,
      })
    else partition = chosen
  }
  let timestamp: number | undefined
  if (form.timestamp.trim() !== '') {
    const parsed = parseTimestamp(form.timestamp)
    if (typeof parsed === 'string') problems.push({ field: 'timestamp', message: parsed })
    else timestamp = parsed
  }
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    request: {
      keySerde: form.keySerde,
      valueSerde: form.valueSerde,
      records: [
        {
          ...(key === null ? {} : { key }),
          value,
          ...(partition === undefined ? {} : { partition }),
          ...(timestamp === undefined ? {} : { timestamp }),
        },
      ],
    },
  }
}
