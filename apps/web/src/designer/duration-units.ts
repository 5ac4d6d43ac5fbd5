// Durations are stored in milliseconds (as Kafka's Duration.ofMillis) but read better in the
// largest unit that divides them: 2000 ms is 2 s, 300000 ms is 5 min.

export const DURATION_UNITS = [
  { unit: 'ms', ms: 1 },
  { unit: 's', ms: 1_000 },
  { unit: 'min', ms: 60_000 },
  { unit: 'h', ms: 3_600_000 },
  { unit: 'd', ms: 86_400_000 },
] as const

export type DurationUnit = (typeof DURATION_UNITS)[number]['unit']

export function durationParts(ms: number): { amount: number; unit: DurationUnit } {
  for (const { unit, ms: size } of [...DURATION_UNITS].reverse()) {
    if (ms !== 0 && ms % size === 0) return { amount: ms / size, unit }
  }
  return { amount: ms, unit: 'ms' }
}

export function durationMs(amount: number, unit: DurationUnit): number {
  const size = DURATION_UNITS.find((u) => u.unit === unit)?.ms ?? 1
  return Math.round(amount * size)
}
