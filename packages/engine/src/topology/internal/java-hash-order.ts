// Kafka Streams prints several `java.util.HashSet`s in describe(). Their iteration order
// is a function of String.hashCode(), the table capacity and insertion order, so we
// reproduce it rather than sorting.

/** `java.lang.String#hashCode` over UTF-16 code units, as a 32-bit signed int. */
export function javaStringHash(value: string): number {
  let hash = 0
  for (let i = 0; i < value.length; i++) {
    hash = (Math.imul(31, hash) + value.charCodeAt(i)) | 0
  }
  return hash
}

/** `java.util.HashMap#hash`: the high bits are folded into the low ones. */
function spread(hash: number): number {
  return hash ^ (hash >>> 16)
}

/** Capacity of a HashMap grown by single inserts from the default 16 with load factor 0.75. */
function capacityFor(size: number): number {
  let capacity = 16
  while (size > capacity * 0.75) capacity *= 2
  return capacity
}

/** The bucket of each of `values` in a `HashSet<String>` holding exactly them. */
export function javaHashBuckets(values: readonly string[]): number[] {
  const mask = capacityFor(values.length) - 1
  return values.map((value) => spread(javaStringHash(value)) & mask)
}

/**
 * The order in which a `HashSet<String>` filled with `values` (in this order, without
 * removals) iterates. Within one bucket Java keeps insertion order, and resizing preserves
 * it, so the result is the insertion order stably sorted by bucket index.
 */
export function javaHashSetOrder(values: Iterable<string>): string[] {
  const unique: string[] = []
  const seen = new Set<string>()
  for (const value of values) {
    if (!seen.has(value)) {
      seen.add(value)
      unique.push(value)
    }
  }
  const mask = capacityFor(unique.length) - 1
  return unique
    .map((value, index) => ({ value, index, bucket: spread(javaStringHash(value)) & mask }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.value)
}

/** `Set.toString()` of a Java collection of strings: `[a, b]`. */
export function javaCollectionToString(values: readonly string[]): string {
  return `[${values.join(', ')}]`
}
