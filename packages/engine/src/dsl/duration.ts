/**
 * Durations are plain milliseconds; these helpers read like Java's `java.time.Duration`.
 * @example TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(2))
 */
export const Duration = {
  ofMillis: (ms: number): number => ms,
  ofSeconds: (seconds: number): number => seconds * 1000,
  ofMinutes: (minutes: number): number => minutes * 60_000,
  ofHours: (hours: number): number => hours * 3_600_000,
  ofDays: (days: number): number => days * 86_400_000,
  ZERO: 0,
} as const
