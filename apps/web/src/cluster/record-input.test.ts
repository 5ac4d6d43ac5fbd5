import { describe, expect, it } from 'vitest'
import { parseRecordForm, parseTimestamp, type RecordForm } from './record-input'

const form = (overrides: Partial<RecordForm> = {}): RecordForm => ({
  keySerde: 'String',
  valueSerde: 'String',
  key: '',
  value: '',
  partition: '',
  timestamp: '',
  ...overrides,
})

describe('a record typed by hand', () => {
  it('sends text as typed, an empty key as no key and an empty value as a tombstone', () => {
    expect(parseRecordForm(form({ key: 'k', value: ' hello ' }), 3)).toEqual({
      ok: true,
      request: {
        keySerde: 'String',
        valueSerde: 'String',
        records: [{ key: 'k', value: ' hello ' }],
      },
    })
    expect(parseRecordForm(form(), 3)).toEqual({
      ok: true,
      request: { keySerde: 'String', valueSerde: 'String', records: [{ value: null }] },
    })
  })

  it('parses JSON and numbers for their serdes, with partition and timestamp', () => {
    const parsed = parseRecordForm(
      form({
        keySerde: 'Long',
        valueSerde: 'Json',
        key: '42',
        value: '{"price": 1.5}',
        partition: '2',
        timestamp: '2026-01-02T03:04:05Z',
      }),
      3,
    )
    expect(parsed).toEqual({
      ok: true,
      request: {
        keySerde: 'Long',
        valueSerde: 'Json',
        records: [
          {
            key: 42,
            value: { price: 1.5 },
            partition: 2,
            timestamp: Date.UTC(2026, 0, 2, 3, 4, 5),
          },
        ],
      },
    })
  })

  it('names every wrong field and why', () => {
    const parsed = parseRecordForm(
      form({
        keySerde: 'Integer',
        valueSerde: 'Json',
        key: '3000000000',
        value: '{price: 1}',
        partition: '3',
        timestamp: 'yesterday',
      }),
      3,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems.map((p) => p.field)).toEqual(['key', 'value', 'partition', 'timestamp'])
    expect(parsed.problems[0]?.message).toBe('3000000000 is out of range for Integer (32 bits)')
    expect(parsed.problems[1]?.message).toMatch(/^not JSON: /)
    expect(parsed.problems[2]?.message).toBe('the topic has partitions 0 to 2')
    expect(parsed.problems[3]?.message).toBe(
      '"yesterday" is neither epoch milliseconds nor an ISO date-time',
    )
  })

  it('refuses numbers a serde cannot hold exactly, and text that is not base64', () => {
    const long = parseRecordForm(form({ keySerde: 'Long', key: '9007199254740993' }), 1)
    expect(long.ok ? [] : long.problems.map((p) => p.message)).toEqual([
      "9007199254740993 is beyond ±2^53 - 1, which the engine's Long holds exactly",
    ])
    const fraction = parseRecordForm(form({ valueSerde: 'Long', value: '1.5' }), 1)
    expect(fraction.ok ? [] : fraction.problems.map((p) => p.message)).toEqual([
      'Long takes a whole number, not "1.5"',
    ])
    const bytes = parseRecordForm(form({ valueSerde: 'ByteArray', value: 'not base64!' }), 1)
    expect(bytes.ok ? [] : bytes.problems.map((p) => p.message)).toEqual([
      'ByteArray takes base64 text',
    ])
    const double = parseRecordForm(form({ valueSerde: 'Double', value: '2.5e3' }), 1)
    expect(double.ok && double.request.records[0]?.value).toBe(2500)
  })

  it('reads timestamps as epoch milliseconds or ISO date-times, never before 1970', () => {
    expect(parseTimestamp('1700000000000')).toBe(1_700_000_000_000)
    expect(parseTimestamp('1970-01-01T00:00:01Z')).toBe(1000)
    expect(parseTimestamp('-5')).toBe('must be at or after 1970-01-01')
  })
})
