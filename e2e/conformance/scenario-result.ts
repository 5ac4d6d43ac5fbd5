// The result of one scenario on one side, in the JSON shape the Java side writes too.

export interface OutputRecord {
  /** Text when the bytes are UTF-8 without control characters, else `0x` and hex; or null. */
  readonly key: string | null
  readonly value: string | null
  /** Null for records Kafka sends without one (a suppression buffer's changelog). */
  readonly timestamp: number | null
  readonly headers: readonly { readonly key: string; readonly value: string | null }[]
}

export interface StoreEntry {
  readonly key: unknown
  readonly value: unknown
  /** Window and session entries. */
  readonly start?: number
  readonly end?: number
  /** Timestamped stores. */
  readonly timestamp?: number
}

export interface StoreContents {
  readonly type: string
  readonly entries: readonly StoreEntry[]
}

export interface ScenarioError {
  /** `build` (the topology), `step` (piping a record or advancing time) or `driver`. */
  readonly phase: string
  readonly step: number | null
  readonly message: string
}

export interface ScenarioResult {
  readonly name: string
  readonly describe: string | null
  readonly outputs: Readonly<Record<string, readonly OutputRecord[]>>
  readonly stores: Readonly<Record<string, StoreContents>>
  readonly error: ScenarioError | null
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Shows record bytes the same way on both sides, so outputs compare byte for byte. */
export function renderBytes(bytes: Uint8Array | null): string | null {
  if (bytes === null) return null
  try {
    const text = decoder.decode(bytes)
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return text
  } catch {
    // not UTF-8: shown as hex
  }
  return '0x' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
