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

export function dirtyEntry(value: Uint8Array | null, context: RecordContext): CacheEntry {
  return { value, dirty: true, context }
}

export function cleanEntry(value: Uint8Array): CacheEntry {
  return { value, dirty: false, context: null }
}

function entrySize(key: BinaryKey, entry: CacheEntry): number {
  let size = CACHE_ENTRY_OVERHEAD + key.length + (entry.value?.length ?? 0)
  const context = entry.context
  if (context !== null) {
    size += context.topic?.length ?? 0
    for (const header of context.headers) size += header.key.length + (header.value?.length ?? 0)
  }
  return size
}

class LRUNode {
  previous: LRUNode | null = null
  next: LRUNode | null = null

  constructor(
    readonly key: BinaryKey,
    public entry: CacheEntry,
    public size: number,
  ) {}
}

/**
 * One store's part of a ThreadCache, as Kafka's `NamedCache`: entries in key order for range
 * reads, an LRU list for eviction, and the dirty keys in the order of their latest write.
 */
class NamedCache {
  private readonly nodes = new SortedMap<BinaryKey, LRUNode>()
  // Re-inserted on every dirty write, so flushes follow the latest writes' arrival order.
  private readonly dirtyKeys = new Set<BinaryKey>()
  private head: LRUNode | null = null
  private tail: LRUNode | null = null
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

  get(key: BinaryKey): CacheEntry | undefined {
    const node = this.nodes.get(key)
    if (node === undefined) return undefined
    this.moveToHead(node)
    return node.entry
  }

  put(key: BinaryKey, entry: CacheEntry): void {
    if (!entry.dirty && this.dirtyKeys.has(key)) {
      throw new Error(
        `Cannot put a clean entry over a dirty one in the cache of store ${this.name}`,
      )
    }
    const size = entrySize(key, entry)
    let node = this.nodes.get(key)
    if (node !== undefined) {
      this.resize(size - node.size)
      node.entry = entry
      node.size = size
      this.moveToHead(node)
    } else {
      node = new LRUNode(key, entry, size)
      this.nodes.set(key, node)
      this.pushHead(node)
      this.resize(size)
    }
    if (entry.dirty) {
      this.dirtyKeys.delete(key)
      this.dirtyKeys.add(key)
    }
  }

  delete(key: BinaryKey): void {
    const node = this.nodes.get(key)
    if (node === undefined) return
    this.nodes.delete(key)
    this.unlink(node)
    this.dirtyKeys.delete(key)
    this.resize(-node.size)
  }

  /** Entries with keys in `[from, to]` (or `[from, to)`), null bounds open; a snapshot. */
  range(
    from: BinaryKey | null,
    to: BinaryKey | null,
    toExclusive: boolean,
  ): { key: BinaryKey; entry: CacheEntry }[] {
    return this.nodes
      .keys(from, to, toExclusive)
      .map((key) => ({ key, entry: (this.nodes.get(key) as LRUNode).entry }))
  }

  /** Drops the least recently used entry; a dirty one is flushed with every other dirty entry. */
  evict(): void {
    const eldest = this.tail
    if (eldest === null) return
    this.nodes.delete(eldest.key)
    this.unlink(eldest)
    this.resize(-eldest.size)
    if (eldest.entry.dirty) this.flush(eldest)
  }

  flush(evicted: LRUNode | null = null): void {
    if (this.dirtyKeys.size === 0) return
    const entries: DirtyEntry[] = []
    const deleted: BinaryKey[] = []
    if (evicted !== null) {
      entries.push(toDirtyEntry(evicted.key, evicted.entry))
      this.dirtyKeys.delete(evicted.key)
    }
    for (const key of this.dirtyKeys) {
      const node = this.nodes.get(key)
      if (node === undefined) throw new Error(`Dirty key missing from the cache of ${this.name}`)
      entries.push(toDirtyEntry(key, node.entry))
      node.entry = { ...node.entry, dirty: false }
      if (node.entry.value === null) deleted.push(key)
    }
    // Cleared before the listener runs: it may write to this cache again.
    this.dirtyKeys.clear()
    this.listener(entries)
    // A flushed delete has reached the store, so the cached null has nothing left to hide,
    // unless the listener wrote the key again meanwhile.
    for (const key of deleted) {
      const node = this.nodes.get(key)
      if (node !== undefined && !node.entry.dirty && node.entry.value === null) this.delete(key)
    }
  }

  clear(): void {
    this.resize(-this.bytes)
    this.nodes.clear()
    this.dirtyKeys.clear()
    this.head = null
    this.tail = null
  }

  private resize(delta: number): void {
    this.bytes += delta
    this.resized(delta)
  }

  private moveToHead(node: LRUNode): void {
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
}

function toDirtyEntry(key: BinaryKey, entry: CacheEntry): DirtyEntry {
  if (entry.context === null) throw new Error('A dirty cache entry has no record context')
  return { key, value: entry.value, context: entry.context }
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

  /** The cached entry, or undefined when the key is not cached (null values are cached deletes). */
  get(namespace: string, key: BinaryKey): CacheEntry | undefined {
    return this.caches.get(namespace)?.get(key)
  }

  put(namespace: string, key: BinaryKey, entry: CacheEntry): void {
    const cache = this.named(namespace)
    cache.put(key, entry)
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
  ): { key: BinaryKey; entry: CacheEntry }[] {
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
