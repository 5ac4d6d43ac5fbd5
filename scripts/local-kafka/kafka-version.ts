/**
 * The Apache Kafka release the local broker runs (`org.apache.kafka:kafka_2.13` from Maven
 * Central). The one place it is pinned; `--version` or `KAFKA_VERSION` picks another (e.g. 3.9.1).
 */
export const KAFKA_VERSION = '4.4.0'
