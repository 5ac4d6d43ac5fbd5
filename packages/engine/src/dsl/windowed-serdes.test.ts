import { describe, expect, it } from 'vitest'
import { Serdes } from '../serde/serdes'
import { Window, Windowed } from './windowed'
import { WindowedSerdes } from './windowed-serdes'

const hex = (bytes: Uint8Array | null) =>
  bytes === null ? null : [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')

describe('WindowedSerdes', () => {
  it('lays out a time-windowed key as the inner key then the 8-byte window start', () => {
    const serde = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), 2000)
    const key = new Windowed('A', new Window(4000, 6000))
    expect(hex(serde.serialize('t', key))).toBe('41' + '0000000000000fa0')
    const back = serde.deserialize('t', serde.serialize('t', key))
    expect(back?.toString()).toBe('[A@4000/6000]')
  })

  it('lays out a session-windowed key as the inner key, the end, then the start', () => {
    const serde = WindowedSerdes.sessionWindowedSerdeFrom(Serdes.String())
    const key = new Windowed('A', new Window(10, 20))
    expect(hex(serde.serialize('t', key))).toBe('41' + '0000000000000014' + '000000000000000a')
    expect(serde.deserialize('t', serde.serialize('t', key))?.toString()).toBe('[A@10/20]')
  })

  it('rejects a windowed key too short to hold its window', () => {
    const serde = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), 1000)
    expect(() => serde.deserialize('t', new Uint8Array(4))).toThrow(/at least 8 bytes, got 4/)
  })
})
