import type { Serde } from '../serde/serde'

/** The kinds of state store Kafka Streams builds, as the planner reports them. */
export type StoreType =
  | 'keyValue'
  | 'timestampedKeyValue'
  | 'versionedKeyValue'
  | 'window'
  | 'timestampedWindow'
  | 'session'

/** What a `Stores.*Supplier` describes: the store's name, shape and retention. */
export interface StoreSupplier {
  readonly name: string
  readonly shape: 'keyValue' | 'window' | 'session' | 'versioned'
  readonly persistent: boolean
  readonly retentionMs?: number
  readonly windowSizeMs?: number
  readonly retainDuplicates?: boolean
  /**
   * Window and session stores: the span of one segment, as Kafka's `segmentIntervalMs()`. A
   * persistent store keeps expired entries until their whole segment expires; an in-memory
   * one expires each at once and reports 1.
   */
  readonly segmentIntervalMs?: number
}

/**
 * Builds one state store per task, as Kafka's `StoreBuilder`: logging (a changelog topic)
 * is on by default and caching off; `with*` calls change this builder and return it.
 */
export class StoreBuilder<K = unknown, V = unknown> {
  private logging = true
  private logConfigs: Readonly<Record<string, string>> = {}
  private caching = false
  /**
   * @internal The store is a suppression buffer: as Kafka's, its changelog records carry no
   * timestamp (the producer stamps them) and a header `v` with the buffer format version.
   */
  suppressionBuffer = false

  constructor(
    readonly supplier: StoreSupplier,
    readonly type: StoreType,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
  ) {}

  get name(): string {
    return this.supplier.name
  }

  get loggingEnabled(): boolean {
    return this.logging
  }

  get logConfig(): Readonly<Record<string, string>> {
    return this.logConfigs
  }

  get cachingEnabled(): boolean {
    return this.caching
  }

  withLoggingDisabled(): this {
    this.logging = false
    this.logConfigs = {}
    return this
  }

  withLoggingEnabled(config: Readonly<Record<string, string>> = {}): this {
    this.logging = true
    this.logConfigs = { ...config }
    return this
  }

  withCachingEnabled(): this {
    this.caching = true
    return this
  }

  withCachingDisabled(): this {
    this.caching = false
    return this
  }

  /** Window and session stores get `compact,delete` changelogs with their retention. */
  isWindowStore(): boolean {
    return this.supplier.shape === 'window' || this.supplier.shape === 'session'
  }
}
