/** Turns values into bytes and back, for one topic at a time, as Kafka's `Serde<T>`. */
export interface Serde<T> {
  /** Short name shown in plans and generated code, e.g. `String`. */
  readonly name: string
  serialize(topic: string, data: T | null): Uint8Array | null
  deserialize(topic: string, data: Uint8Array | null): T | null
}

/** Thrown when bytes cannot be turned into a value (or back); names the serde and the cause. */
export class SerializationException extends Error {
  override readonly name = 'SerializationException'
}
