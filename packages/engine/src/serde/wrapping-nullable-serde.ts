import type { Serde } from './serde'

/**
 * A serde built around serdes that may be left unset (null) when the topology is built, as
 * Kafka's `WrappingNullableSerde` (e.g. the Change serde of a table groupBy's repartition topic
 * wrapping the grouped value serde). The application's default serdes are only known when a
 * task starts, so sinks and sources complete such serdes then (Kafka's
 * `WrappingNullableUtils.prepare*`), without changing the serde the topology holds.
 */
export interface WrappingNullableSerde<T> extends Serde<T> {
  /** This serde with its unset inner serdes replaced by the application's defaults. */
  withDefaults(
    defaultKeySerde: Serde<unknown> | null,
    defaultValueSerde: Serde<unknown> | null,
  ): Serde<T>
}

export function isWrappingNullableSerde<T>(serde: Serde<T>): serde is WrappingNullableSerde<T> {
  return typeof (serde as Partial<WrappingNullableSerde<T>>).withDefaults === 'function'
}

/** The serde a sink, source or store uses: wrapping serdes get the defaults for what they lack. */
export function prepareSerde<T>(
  serde: Serde<T>,
  defaultKeySerde: Serde<unknown> | null,
  defaultValueSerde: Serde<unknown> | null,
): Serde<T> {
  return isWrappingNullableSerde(serde)
    ? serde.withDefaults(defaultKeySerde, defaultValueSerde)
    : serde
}

/** The inner serde, else the default; fails as Kafka does when neither exists. */
export function innerOrDefault<T>(
  inner: Serde<T> | null,
  fallback: Serde<unknown> | null,
  wrapper: string,
  which: 'key' | 'value',
): Serde<T> {
  const chosen = inner ?? (fallback as Serde<T> | null)
  if (chosen === null) {
    throw new TypeError(
      `${wrapper} wraps no ${which} serde and default.${which}.serde is not set: configure one`,
    )
  }
  return chosen
}
