// Topologies several integration tests run.
import {
  Consumed,
  Grouped,
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
} from '@topology-studio/engine'

/** Lines in, words counted through a repartition topic into store `word-counts`, counts out. */
export function wordCountTopology(input: string, output: string) {
  const builder = new StreamsBuilder()
  builder
    .stream<string, string>(input, Consumed.with(Serdes.String(), Serdes.String()))
    .flatMapValues((line: string) =>
      line
        .toLowerCase()
        .split(/\W+/)
        .filter((w) => w !== ''),
    )
    .groupBy(
      (_key: string | null, word: string) => word,
      Grouped.with(Serdes.String(), Serdes.String()),
    )
    .count(Materialized.as('word-counts'))
    .toStream()
    .to(output, Produced.with(Serdes.String(), Serdes.Long()))
  return builder.build()
}

export function expectedWordCounts(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of lines) {
    for (const word of line
      .toLowerCase()
      .split(/\W+/)
      .filter((w) => w !== '')) {
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  return counts
}

/** Records counted per key into store `counts`, counts out. */
export function countByKeyTopology(input: string, output: string) {
  const builder = new StreamsBuilder()
  builder
    .stream<string, string>(input, Consumed.with(Serdes.String(), Serdes.String()))
    .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
    .count(Materialized.as('counts'))
    .toStream()
    .to(output, Produced.with(Serdes.String(), Serdes.Long()))
  return builder.build()
}
