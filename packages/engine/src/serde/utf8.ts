// UTF-8 with the platform's TextEncoder/TextDecoder (browsers and Node both have them; they
// are standard, so results are identical), falling back to code here where they are absent.
// The engine core is compiled without DOM or Node typings, hence the local declarations.

interface Utf8Codecs {
  readonly TextEncoder?: new () => { encode(text: string): Uint8Array }
  readonly TextDecoder?: new () => { decode(bytes: Uint8Array): string }
}
const codecs = globalThis as Utf8Codecs
const encoder = codecs.TextEncoder === undefined ? null : new codecs.TextEncoder()
const decoder = codecs.TextDecoder === undefined ? null : new codecs.TextDecoder()

// Keys and small values are mostly short ASCII, where a loop here beats a call into the
// platform codec; anything else goes to the codec.
const SHORT = 64

export function encodeUtf8(text: string): Uint8Array {
  const length = text.length
  if (length <= SHORT) {
    const out = new Uint8Array(length)
    let i = 0
    for (; i < length; i++) {
      const code = text.charCodeAt(i)
      if (code >= 0x80) break
      out[i] = code
    }
    if (i === length) return out
  }
  if (encoder !== null) return encoder.encode(text)
  return encodeUtf8ByHand(text)
}

export function decodeUtf8(bytes: Uint8Array): string {
  const length = bytes.length
  if (length <= SHORT) {
    let ascii = true
    for (let i = 0; i < length; i++) {
      if ((bytes[i] as number) >= 0x80) {
        ascii = false
        break
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[])
  }
  if (decoder !== null) return decoder.decode(bytes)
  return decodeUtf8ByHand(bytes)
}

/** @internal Exported for tests of the fallback. */
export function encodeUtf8ByHand(text: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (code < 0x80) bytes.push(code)
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f))
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f))
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      )
  }
  return Uint8Array.from(bytes)
}

/** @internal Exported for tests of the fallback. */
export function decodeUtf8ByHand(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const b0 = bytes[i++] as number
    let code: number
    if (b0 < 0x80) code = b0
    else if (b0 >= 0xc0 && b0 < 0xe0) code = ((b0 & 0x1f) << 6) | continuation(bytes, i++)
    else if (b0 >= 0xe0 && b0 < 0xf0) {
      code = ((b0 & 0x0f) << 12) | (continuation(bytes, i) << 6) | continuation(bytes, i + 1)
      i += 2
    } else if (b0 >= 0xf0 && b0 < 0xf8) {
      code =
        ((b0 & 0x07) << 18) |
        (continuation(bytes, i) << 12) |
        (continuation(bytes, i + 1) << 6) |
        continuation(bytes, i + 2)
      i += 3
    } else code = 0xfffd
    out += String.fromCodePoint(code)
  }
  return out
}

function continuation(bytes: Uint8Array, index: number): number {
  const byte = bytes[index]
  return byte === undefined ? 0 : byte & 0x3f
}
