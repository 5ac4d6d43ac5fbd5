/**
 * Thrown when a topology is built wrongly: the same error Kafka Streams raises as
 * `org.apache.kafka.streams.errors.TopologyException`, with the same message prefix.
 */
export class TopologyException extends Error {
  override readonly name = 'TopologyException'

  constructor(message: string) {
    super(`Invalid topology: ${message}`)
  }
}
