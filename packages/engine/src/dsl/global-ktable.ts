/** A fully replicated table, as Kafka's `GlobalKTable`: usable only as a join's right side. */
export class GlobalKTable<K = unknown, V = unknown> {
  /** @internal */
  readonly _types?: [K, V]

  constructor(
    /** @internal */ readonly storeName: string,
    private readonly queryableName: string | null,
  ) {}

  queryableStoreName(): string | null {
    return this.queryableName
  }
}
