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
