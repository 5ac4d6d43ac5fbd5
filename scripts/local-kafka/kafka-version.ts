/**
 * The Apache Kafka releases the local broker runs (`org.apache.kafka:kafka_2.13` from Maven
 * Central), pinned here only. `KAFKA_VERSION` is the newest, the default; the runtime must
 * also work with `OLDEST_KAFKA_VERSION`, which `npm test` checks as well. `--version` or the
 * `KAFKA_VERSION` environment variable pick another (e.g. 3.9.1), or `oldest`.
 */
export const KAFKA_VERSION = '4.4.0'
export const OLDEST_KAFKA_VERSION = '3.9.1'

/** A version as given on the command line or in the environment: `oldest` names the pin. */
export function resolveKafkaVersion(version: string | undefined): string {
  if (version === undefined || version === '') return KAFKA_VERSION
  return version === 'oldest' ? OLDEST_KAFKA_VERSION : version
}
