import { describe, expect, it } from 'vitest'
import { Serdes, serdeByName } from './serdes'

const hex = (bytes: Uint8Array | null) =>
  bytes === null ? null : [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')

describe('Serdes', () => {
  it('writes Long as 8 big-endian bytes, as Java LongSerializer', () => {
    expect(hex(Serdes.Long().serialize('t', 1))).toBe('0000000000000001')
    expect(hex(Serdes.Long().serialize('t', -2))).toBe('fffffffffffffffe')
    expect(Serdes.Long().deserialize('t', Serdes.Long().serialize('t', 1_700_000_000_000))).toBe(
      1_700_000_000_000,
    )
  })

  it('refuses a Long that a JavaScript number cannot hold exactly', () => {
    expect(() => Serdes.Long().serialize('t', 2 ** 60)).toThrow(/safe integer/)
  })

  it('writes Integer as 4 big-endian bytes and rejects a payload of the wrong size, naming it', () => {
    expect(hex(Serdes.Integer().serialize('t', 258))).toBe('00000102')
    expect(() => Serdes.Integer().deserialize('orders', new Uint8Array(3))).toThrow(
      /IntegerDeserializer is not 4 \(got 3 bytes on topic orders\)/,
    )
  })

  it('round-trips Double, String (UTF-8, including astral characters) and ByteArray', () => {
    expect(Serdes.Double().deserialize('t', Serdes.Double().serialize('t', 2.5))).toBe(2.5)
    const text = 'price € 😀'
    expect(hex(Serdes.String().serialize('t', 'é'))).toBe('c3a9')
    expect(Serdes.String().deserialize('t', Serdes.String().serialize('t', text))).toBe(text)
    const bytes = Uint8Array.from([1, 2, 3])
    expect(Serdes.ByteArray().deserialize('t', bytes)).toBe(bytes)
  })

  it('passes null through every serde (tombstones)', () => {
    for (const serde of [Serdes.String(), Serdes.Long(), Serdes.Integer(), Serdes.Json()]) {
      expect(serde.serialize('t', null)).toBeNull()
      expect(serde.deserialize('t', null)).toBeNull()
    }
  })

  it('reports JSON that does not parse with its topic', () => {
    expect(() => Serdes.Json().deserialize('trades', Serdes.String().serialize('t', '{x'))).toThrow(
      /JsonDeserializer could not parse a record on topic trades/,
    )
  })

  it('finds built-in serdes by the names designs use', () => {
    expect(serdeByName('Long')).toBe(Serdes.Long())
    expect(serdeByName('Avro')).toBeUndefined()
  })
})

describe('UTF-8 fallback', () => {
  it('encodes and decodes as the platform codec does', async () => {
    const { encodeUtf8ByHand, decodeUtf8ByHand, encodeUtf8, decodeUtf8 } = await import('./utf8')
    for (const text of ['', 'ascii', 'héllo wörld', '日本語', 'emoji 🎉 pair']) {
      expect([...encodeUtf8ByHand(text)]).toEqual([...encodeUtf8(text)])
      expect(decodeUtf8ByHand(encodeUtf8(text))).toBe(decodeUtf8(encodeUtf8(text)))
    }
  })
})

describe('serializers refuse values of the wrong type, naming what arrived', () => {
  it('String, Long, Integer, Double and ByteArray', () => {
    expect(() => Serdes.String().serialize('t', 42 as unknown as string)).toThrow(
      'StringSerializer needs a string, got number 42 (topic t)',
    )
    expect(() => Serdes.Long().serialize('t', 'x' as unknown as number)).toThrow(/LongSerializer/)
    expect(() => Serdes.Integer().serialize('t', '1' as unknown as number)).toThrow(
      'IntegerSerializer needs a number, got string "1" (topic t)',
    )
    expect(() => Serdes.Double().serialize('t', null)).not.toThrow()
    expect(() => Serdes.ByteArray().serialize('t', [1] as unknown as Uint8Array)).toThrow(
      /ByteArraySerializer needs a Uint8Array/,
    )
  })
})
