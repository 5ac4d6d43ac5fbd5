import type { RecordContext } from '../record-context'
import type { BinaryKey } from './bytes'
import { SortedMap } from './sorted-map'

/**
 * Bytes charged per cache entry on top of its key, value, source topic name and header
 * bytes, after Kafka's estimate: 24 for the LRU node (entry, previous and next references),
 * 1 for the dirty flag, and 8 + 8 + 4 for the record context's timestamp, offset and
 * partition.
 */
export const CACHE_ENTRY_OVERHEAD = 45

/** A cached value (null: deleted) and, when dirty, the context of the write it holds. */
export interface CacheEntry {
  readonly value: Uint8Array | null
  readonly dirty: boolean
  readonly context: RecordContext | null
}

/** A dirty entry handed to its store when the cache flushes it. */
export interface DirtyEntry {
  readonly key: BinaryKey
  readonly value: Uint8Array | null
  readonly context: RecordContext
}

export type DirtyEntryFlushListener = (entries: readonly DirtyEntry[]) => void

function entrySize(
  key: BinaryKey,
  value: Uint8Array | null,
  context: RecordContext | null,
): number {
  let size = CACHE_ENTRY_OVERHEAD + key.length + (value?.length ?? 0)
  if (context !== null) {
    size += context.topic?.length ?? 0
    const headers = context.headers
    for (let i = 0; i < headers.length; i++) {
      const header = headers[i] as (typeof headers)[number]
      size += header.key.length + (header.value?.length ?? 0)
    }
  }
  return size
}

/**
 * One cached key: the entry itself (updated in place, so a write allocates nothing once the
 * key is cached), its place in the LRU list and, while dirty, in the list of dirty keys.
 */
class LRUNode implements CacheEntry {
  previous: LRUNode | null = null
  next: LRUNode | null = null
  dirtyPrevious: LRUNode | null = null
  dirtyNext: LRUNode | null = null

  constructor(
    readonly key: BinaryKey,
    public value: Uint8Array | null,
    /** The context of the write while dirty; null once clean. */
    public context: RecordContext | null,
    public size: number,
  ) {}

  get dirty(): boolean {
    return this.context !== null
  }
}

/**
 * One store's part of a ThreadCache, as Kafka's `NamedCache`: entries in key order for range
 * reads, an LRU list for eviction, and the dirty keys in the order of their latest write.
 */
class NamedCache {
  private readonly nodes = new SortedMap<BinaryKey, LRUNode>()
  private head: LRUNode | null = null
  private tail: LRUNode | null = null
  // Dirty nodes, oldest write first: a write moves its node to the end, so flushes follow the
  // latest writes' arrival order. A linked list rather than a Set: no hashing per write.
  private dirtyHead: LRUNode | null = null
  private dirtyTail: LRUNode | null = null
  private bytes = 0

  constructor(
    readonly name: string,
    public listener: DirtyEntryFlushListener,
    private readonly resized: (delta: number) => void,
  ) {}

  get size(): number {
    return this.nodes.size
  }

  get sizeInBytes(): number {
    return this.bytes
  }

  /** The entry, valid until the next write to this cache: read it at once. */
  get(key: BinaryKey): CacheEntry | undefined {
    const node = this.nodes.get(key)
    if (node === undefined) return undefined
    this.moveToHead(node)
    return node
  }

  /** A dirty write when `context` is given, else a clean one (a value read from the store). */
  put(key: BinaryKey, value: Uint8Array | null, context: RecordContext | null): void {
    let node = this.nodes.get(key)
    if (context === null && node?.dirty === true) {
      throw new Error(
        `Cannot put a clean entry over a dirty one in the cache of store ${this.name}`,
      )
    }
    const size = entrySize(key, value, context)
    if (node !== undefined) {
      this.resize(size - node.size)
      node.value = value
      node.context = context
      node.size = size
      this.moveToHead(node)
      if (context !== null) this.unlinkDirty(node)
    } else {
      node = new LRUNode(key, value, context, size)
      this.nodes.set(key, node)
      this.pushHead(node)
      this.resize(size)
    }
    if (context !== null) this.pushDirty(node)
  }

  delete(key: BinaryKey): void {
    const node = this.nodes.get(key)
    if (node === undefined) return
    this.nodes.delete(key)
    this.unlink(node)
    if (node.dirty) this.unlinkDirty(node)
    this.resize(-node.size)
  }

  /** Keys and values of the entries with keys in `[from, to]` (or `[from, to)`); a snapshot. */
  range(
    from: BinaryKey | null,
    to: BinaryKey | null,
    toExclusive: boolean,
  ): { key: BinaryKey; value: Uint8Array | null }[] {
    return this.nodes
      .keys(from, to, toExclusive)
      .map((key) => ({ key, value: (this.nodes.get(key) as LRUNode).value }))
  }

  /** Drops the least recently used entry; a dirty one is flushed with every other dirty entry. */
  evict(): void {
    const eldest = this.tail
    if (eldest === null) return
    this.nodes.delete(eldest.key)
    this.unlink(eldest)
    this.resize(-eldest.size)
    if (eldest.dirty) {
      this.unlinkDirty(eldest)
      this.flush(eldest)
    }
  }

  flush(evicted: LRUNode | null = null): void {
    if (evicted === null && this.dirtyHead === null) return
    const entries: DirtyEntry[] = []
    let deleted: BinaryKey[] | null = null
    if (evicted !== null) entries.push(toDirtyEntry(evicted))
    for (let node = this.dirtyHead; node !== null;) {
      const next: LRUNode | null = node.dirtyNext
      entries.push(toDirtyEntry(node))
      node.context = null
      node.dirtyPrevious = null
      node.dirtyNext = null
      if (node.value === null) (deleted ??= []).push(node.key)
      node = next
    }
    // Cleared before the listener runs: it may write to this cache again.
    this.dirtyHead = null
    this.dirtyTail = null
    this.listener(entries)
    // A flushed delete has reached the store, so the cached null has nothing left to hide,
    // unless the listener wrote the key again meanwhile.
    if (deleted === null) return
    for (const key of deleted) {
      const node = this.nodes.get(key)
      if (node !== undefined && !node.dirty && node.value === null) this.delete(key)
    }
  }

  clear(): void {
    this.resize(-this.bytes)
    this.nodes.clear()
    this.head = null
    this.tail = null
    this.dirtyHead = null
    this.dirtyTail = null
  }

  private resize(delta: number): void {
    this.bytes += delta
    this.resized(delta)
  }

  private moveToHead(node: LRUNode): void {
    if (this.head === node) return
    this.unlink(node)
    this.pushHead(node)
  }

  private pushHead(node: LRUNode): void {
    node.previous = null
    node.next = this.head
    if (this.head !== null) this.head.previous = node
    this.head = node
    if (this.tail === null) this.tail = node
  }

  private unlink(node: LRUNode): void {
    if (node.previous !== null) node.previous.next = node.next
    else if (this.head === node) this.head = node.next
    if (node.next !== null) node.next.previous = node.previous
    else if (this.tail === node) this.tail = node.previous
    node.previous = null
    node.next = null
  }

  private pushDirty(node: LRUNode): void {
    node.dirtyNext = null
    node.dirtyPrevious = this.dirtyTail
    if (this.dirtyTail !== null) this.dirtyTail.dirtyNext = node
    else this.dirtyHead = node
    this.dirtyTail = node
  }

  /** Takes a node out of the dirty list; a no-op for a node not in it. */
  private unlinkDirty(node: LRUNode): void {
    if (node.dirtyPrevious !== null) node.dirtyPrevious.dirtyNext = node.dirtyNext
    else if (this.dirtyHead === node) this.dirtyHead = node.dirtyNext
    if (node.dirtyNext !== null) node.dirtyNext.dirtyPrevious = node.dirtyPrevious
    else if (this.dirtyTail === node) this.dirtyTail = node.dirtyPrevious
    node.dirtyPrevious = null
    node.dirtyNext = null
  }
}

function toDirtyEntry(node: LRUNode): DirtyEntry {
  if (node.context === null) throw new Error('A dirty cache entry has no record context')
  return { key: node.key, value: node.value, context: node.context }
}

/**
 * The record cache of one task (Kafka keeps one per stream thread), shared by its caching
 * stores under one byte budget, `statestore.cache.max.bytes`. Each store has a namespace;
 * when a write takes the cache over budget, the least recently used entries of the store
 * written are evicted until it fits, and evicting a dirty entry flushes all of that store's
 * dirty entries, as Kafka's `ThreadCache` does.
 */
export class ThreadCache {
  private readonly caches = new Map<string, NamedCache>()
  private bytes = 0

  constructor(readonly maxCacheSizeBytes: number) {}

  sizeInBytes(): number {
    return this.bytes
  }

  /** Number of cached entries over all namespaces. */
  size(): number {
    let size = 0
    for (const cache of this.caches.values()) size += cache.size
    return size
  }

  addDirtyEntryFlushListener(namespace: string, listener: DirtyEntryFlushListener): void {
    const cache = this.caches.get(namespace)
    if (cache !== undefined) cache.listener = listener
    else {
      const resized = (delta: number): void => {
        this.bytes += delta
      }
      this.caches.set(namespace, new NamedCache(namespace, listener, resized))
    }
  }

  /**
   * The cached entry, or undefined when the key is not cached (null values are cached
   * deletes). The entry changes with later writes of the key: read it at once.
   */
  get(namespace: string, key: BinaryKey): CacheEntry | undefined {
    return this.caches.get(namespace)?.get(key)
  }

  /**
   * Caches `value` under `key`: a dirty write with the context of the write, or with a null
   * context a clean entry (a value read from the store, which cannot replace a dirty one).
   */
  put(
    namespace: string,
    key: BinaryKey,
    value: Uint8Array | null,
    context: RecordContext | null,
  ): void {
    const cache = this.named(namespace)
    cache.put(key, value, context)
    this.maybeEvict(cache)
  }

  delete(namespace: string, key: BinaryKey): void {
    this.caches.get(namespace)?.delete(key)
  }

  range(
    namespace: string,
    from: BinaryKey | null,
    to: BinaryKey | null,
    toExclusive = false,
  ): { key: BinaryKey; value: Uint8Array | null }[] {
    return this.caches.get(namespace)?.range(from, to, toExclusive) ?? []
  }

  flush(namespace: string): void {
    this.caches.get(namespace)?.flush()
  }

  /** Drops a namespace and its entries, flushed or not (callers flush first). */
  close(namespace: string): void {
    this.caches.get(namespace)?.clear()
    this.caches.delete(namespace)
  }

  private named(namespace: string): NamedCache {
    const cache = this.caches.get(namespace)
    if (cache === undefined) {
      throw new Error(`No flush listener registered for cache namespace ${namespace}`)
    }
    return cache
  }

  private maybeEvict(cache: NamedCache): void {
    // Only the written store's entries are evicted; when it is empty and the cache is still
    // over budget (other stores filled it), the next write to those stores evicts theirs.
    while (this.bytes > this.maxCacheSizeBytes && cache.size > 0) cache.evict()
  }
}
