/** A key or value of a record or store entry as one line of text: strings bare, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return value
  // Between table processors a record's value is a change: the new value and the old one.
  if (isChange(value)) return `${formatValue(value.newValue)} (was ${formatValue(value.oldValue)})`
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

function isChange(value: unknown): value is { newValue: unknown; oldValue: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const keys = Object.keys(value).sort()
  return keys.length === 3 && keys.join() === 'isLatest,newValue,oldValue'
}

/** A record's or a window's time of day, to the millisecond (UTC): `10:00:02.500`. */
export function formatTimeOfDay(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23)
}

/** A window's or session's bounds as times of day: `10:00:00.000 – 10:00:02.000`. */
export function formatWindow(window: { readonly start: number; readonly end: number }): string {
  return `${formatTimeOfDay(window.start)} – ${formatTimeOfDay(window.end)}`
}

/** A record's key: a windowed key (as JSON carries it) as its key and window, others as values. */
export function formatKey(key: unknown): string {
  if (isWindowedJson(key)) return `${formatValue(key.key)} [${formatWindow(key.window)}]`
  return formatValue(key)
}

function isWindowedJson(
  value: unknown,
): value is { key: unknown; window: { start: number; end: number } } {
  if (typeof value !== 'object' || value === null) return false
  const { window } = value as { window?: unknown }
  return (
    Object.keys(value).sort().join() === 'key,window' &&
    typeof window === 'object' &&
    window !== null &&
    typeof (window as { start?: unknown }).start === 'number' &&
    typeof (window as { end?: unknown }).end === 'number'
  )
}
