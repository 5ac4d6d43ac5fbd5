import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import { encodeUtf8 } from '../../serde/utf8'
import { changedSerde } from './changed-serde'

const serde = changedSerde(Serdes.String())

describe('the Change serde of a table groupBy repartition topic', () => {
  it('writes both halves with a zig-zag varint length, byte for byte as Kafka 4.3', () => {
    // Kafka 4.3.1 wrote 0x04 '84' '78' 0x02 for new "84", old "78".
    const bytes = serde.serialize('t', { newValue: '84', oldValue: '78', isLatest: true })
    expect([...(bytes as Uint8Array)]).toEqual([0x04, ...encodeUtf8('8478'), 0x02])
  })

  it('round-trips halves whose length needs a multi-byte varint', () => {
    const newValue = 'n'.repeat(300)
    const bytes = serde.serialize('t', { newValue, oldValue: 'old', isLatest: true })
    expect([...(bytes as Uint8Array).subarray(0, 2)]).toEqual([0xd8, 0x04])
    expect(serde.deserialize('t', bytes)).toEqual({ newValue, oldValue: 'old', isLatest: true })
  })

  it('refuses a record whose length runs past its end', () => {
    expect(() => serde.deserialize('t', new Uint8Array([0x7e, 0x41, 0x02]))).toThrow(/too short/)
  })
})
