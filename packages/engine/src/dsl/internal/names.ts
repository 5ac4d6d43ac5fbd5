/** Processor and store name prefixes used by Kafka Streams' DSL. */
export const Prefix = {
  SOURCE: 'KSTREAM-SOURCE-',
  SINK: 'KSTREAM-SINK-',
  FILTER: 'KSTREAM-FILTER-',
  MAP: 'KSTREAM-MAP-',
  MAPVALUES: 'KSTREAM-MAPVALUES-',
  FLATMAP: 'KSTREAM-FLATMAP-',
  FLATMAPVALUES: 'KSTREAM-FLATMAPVALUES-',
  KEY_SELECT: 'KSTREAM-KEY-SELECT-',
  PEEK: 'KSTREAM-PEEK-',
  FOREACH: 'KSTREAM-FOREACH-',
  PROCESSOR: 'KSTREAM-PROCESSOR-',
  PROCESSVALUES: 'KSTREAM-PROCESSVALUES-',
  MERGE: 'KSTREAM-MERGE-',
  BRANCH: 'KSTREAM-BRANCH-',
  BRANCHCHILD: 'KSTREAM-BRANCHCHILD-',
  REPARTITION: 'KSTREAM-REPARTITION-',
  TO_KTABLE: 'KSTREAM-TOTABLE-',
  AGGREGATE: 'KSTREAM-AGGREGATE-',
  REDUCE: 'KSTREAM-REDUCE-',
  WINDOWED: 'KSTREAM-WINDOWED-',
  JOINTHIS: 'KSTREAM-JOINTHIS-',
  JOINOTHER: 'KSTREAM-JOINOTHER-',
  OUTERTHIS: 'KSTREAM-OUTERTHIS-',
  OUTEROTHER: 'KSTREAM-OUTEROTHER-',
  JOIN: 'KSTREAM-JOIN-',
  LEFTJOIN: 'KSTREAM-LEFTJOIN-',
  KTABLE_SOURCE: 'KTABLE-SOURCE-',
  KTABLE_FILTER: 'KTABLE-FILTER-',
  KTABLE_MAPVALUES: 'KTABLE-MAPVALUES-',
  KTABLE_TOSTREAM: 'KTABLE-TOSTREAM-',
  KTABLE_SELECT: 'KTABLE-SELECT-',
  KTABLE_AGGREGATE: 'KTABLE-AGGREGATE-',
  KTABLE_REDUCE: 'KTABLE-REDUCE-',
  KTABLE_MERGE: 'KTABLE-MERGE-',
  KTABLE_JOINTHIS: 'KTABLE-JOINTHIS-',
  KTABLE_JOINOTHER: 'KTABLE-JOINOTHER-',
  KTABLE_SUPPRESS: 'KTABLE-SUPPRESS-',
  COGROUP_AGGREGATE: 'COGROUPKSTREAM-AGGREGATE-',
  COGROUP_MERGE: 'COGROUPKSTREAM-MERGE-',
} as const

export const REPARTITION_TOPIC_SUFFIX = '-repartition'

/** Generates names from the builder's single index counter. */
export interface InternalNameProvider {
  newProcessorName(prefix: string): string
  newStoreName(prefix: string): string
}

/**
 * A user-given name (from `Named`, `Grouped`, `Joined`, ...) or none. Generating methods
 * always consume a counter value, so naming one operator never shifts the numbers of others.
 */
export class NamedInternal {
  constructor(readonly name: string | null) {}

  orElseGenerateWithPrefix(provider: InternalNameProvider, prefix: string): string {
    const generated = provider.newProcessorName(prefix)
    return this.name ?? generated
  }

  suffixWithOrElseGet(suffix: string, provider: InternalNameProvider, prefix: string): string {
    const generated = provider.newProcessorName(prefix)
    return this.name === null ? generated : `${this.name}${suffix}`
  }

  suffixWithOrElse(suffix: string, otherwise: string): string {
    return this.name === null ? otherwise : `${this.name}${suffix}`
  }
}

const LEGAL_NAME = /^[a-zA-Z0-9._-]+$/

/** Checks a user-given name as `Named.validate` does. */
export function validateName(name: string): string {
  if (name.length === 0) throw new TypeError('Name is illegal, it cannot be empty')
  if (name === '.' || name === '..') {
    throw new TypeError(`Name cannot be "." or ".."`)
  }
  if (name.length > 249) {
    throw new TypeError(`Name is illegal, it cannot be longer than 249 characters, name: ${name}`)
  }
  if (!LEGAL_NAME.test(name)) {
    throw new TypeError(
      `Name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`,
    )
  }
  return name
}
