import type { KStream } from './kstream'
import { validateName } from './internal/names'

/** How one branch of `split()` is named and consumed, as Kafka's `Branched`. */
export class Branched<K = unknown, V = unknown> {
  private constructor(
    readonly name: string | null,
    readonly chainFunction: ((stream: KStream<K, V>) => KStream<K, V> | null | undefined) | null,
    readonly chainConsumer: ((stream: KStream<K, V>) => void) | null,
  ) {}

  static as<K, V>(name: string): Branched<K, V> {
    return new Branched<K, V>(validateName(name), null, null)
  }

  static withFunction<K, V>(
    chain: (stream: KStream<K, V>) => KStream<K, V> | null | undefined,
    name: string | null = null,
  ): Branched<K, V> {
    return new Branched(name === null ? null : validateName(name), chain, null)
  }

  static withConsumer<K, V>(
    chain: (stream: KStream<K, V>) => void,
    name: string | null = null,
  ): Branched<K, V> {
    return new Branched<K, V>(name === null ? null : validateName(name), null, chain)
  }
}
