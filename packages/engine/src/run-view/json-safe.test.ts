import { describe, expect, it } from 'vitest'
import { Window, Windowed } from '../dsl/windowed'
import { base64, fromBase64, jsonSafe, keyText } from './json-safe'

describe('base64', () => {
  it('encodes every remainder length with padding (RFC 4648 test vectors)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ]
    for (const [text, encoded] of vectors) {
      expect(base64(Uint8Array.from(text, (c) => c.charCodeAt(0)))).toBe(encoded)
    }
    expect(base64(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('+/+/')
    for (const [text, encoded] of vectors) {
      expect(fromBase64(encoded)).toEqual(Uint8Array.from(text, (c) => c.charCodeAt(0)))
    }
  })

  it('refuses text that is not base64', () => {
    expect(fromBase64('not base64!')).toBeNull()
    expect(fromBase64('abcde')).toBeNull()
  })
})

describe('jsonSafe', () => {
  it('carries bytes, big integers and windowed keys as JSON', () => {
    expect(jsonSafe(Uint8Array.of(1, 2, 3))).toBe('AQID')
    expect(jsonSafe(12n)).toBe('12')
    expect(jsonSafe(new Windowed('k', new Window(0, 10)))).toEqual({
      key: 'k',
      window: { start: 0, end: 10 },
    })
    expect(keyText(new Windowed({ id: 1 }, new Window(0, 10)))).toBe('{"id":1}')
  })
})
