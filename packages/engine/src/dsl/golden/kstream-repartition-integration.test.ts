// describe() assertions ported from Apache Kafka's
// streams/src/integration-test/java/org/apache/kafka/streams/integration/KStreamRepartitionIntegrationTest.java.
// Only the describe() halves are ported: each test builds the program and counts pattern
// matches in builder.build().describe().toString() (countOccurrencesInTopology); the broker,
// topic-partition and record checks are out of scope. Kafka builds these programs without
// optimization for describe(), as here.
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import { Consumed } from '../consumed'
import { Named } from '../named'
import { Repartitioned } from '../repartitioned'
import { StreamsBuilder } from '../streams-builder'

const inputTopic = 'input-topic'
const outputTopic = 'output-topic'

function countOccurrencesInTopology(topologyString: string, searchPattern: string): number {
  return (topologyString.match(new RegExp(searchPattern, 'g')) ?? []).length
}

describe('KStreamRepartitionIntegrationTest', () => {
  it('repartition() after selectKey writes exactly one repartition topic', () => {
    // KStreamRepartitionIntegrationTest.shouldPerformSelectKeyWithRepartitionOperation
    const builder = new StreamsBuilder()

    builder
      .stream(inputTopic, Consumed.with(Serdes.Integer(), Serdes.String()))
      .selectKey((_key, value) => Number(value))
      .repartition()
      .to(outputTopic)

    const topology = builder.build().describe().toString()

    expect(countOccurrencesInTopology(topology, 'Sink: .*-repartition.*')).toBe(1)
  })

  it('a named repartition() without a key change still writes <name>-repartition', () => {
    // KStreamRepartitionIntegrationTest.shouldCreateRepartitionTopicIfKeyChangingOperationWasNotPerformed
    const repartitionName = 'dummy'
    const builder = new StreamsBuilder()

    builder
      .stream(inputTopic, Consumed.with(Serdes.Integer(), Serdes.String()))
      .repartition(Repartitioned.as(repartitionName))
      .to(outputTopic)

    const topology = builder.build().describe().toString()

    expect(countOccurrencesInTopology(topology, 'Sink: .*dummy-repartition.*')).toBe(1)
  })

  it('a named repartition() after a named selectKey is the only repartition before groupByKey().count()', () => {
    // KStreamRepartitionIntegrationTest.shouldPerformKeySelectOperationWhenRepartitionOperationIsUsedWithKeySelector
    const repartitionedName = 'new-key'
    const builder = new StreamsBuilder()

    const repartitioned = Repartitioned.as<string, string>(repartitionedName).withKeySerde(
      Serdes.String(),
    )

    builder
      .stream(inputTopic, Consumed.with(Serdes.Integer(), Serdes.String()))
      .selectKey((key) => String(key), Named.as(repartitionedName))
      .repartition(repartitioned)
      .groupByKey()
      .count()
      .toStream()
      .to(outputTopic)

    const topology = builder.build().describe().toString()

    expect(
      countOccurrencesInTopology(topology, 'Sink: .*' + repartitionedName + '-repartition.*'),
    ).toBe(1)
    expect(countOccurrencesInTopology(topology, '<-- ' + repartitionedName + '\n')).toBe(1)
  })

  it('groupByKey() after a repartition() of a re-keyed stream adds no second repartition topic', () => {
    // KStreamRepartitionIntegrationTest.shouldCreateOnlyOneRepartitionTopicWhenRepartitionIsFollowedByGroupByKey
    const repartitionName = 'new-partitions'
    const builder = new StreamsBuilder()

    const repartitioned = Repartitioned.as<string, string>(repartitionName)
      .withKeySerde(Serdes.String())
      .withValueSerde(Serdes.String())
      .withNumberOfPartitions(1)

    builder
      .stream(inputTopic, Consumed.with(Serdes.Integer(), Serdes.String()))
      .selectKey((key) => String(key))
      .repartition(repartitioned)
      .groupByKey()
      .count()
      .toStream()
      .to(outputTopic)

    const topology = builder.build().describe().toString()

    expect(countOccurrencesInTopology(topology, 'Sink: .*-repartition')).toBe(1)
  })

  it('an unnamed repartition() gets one generated repartition topic', () => {
    // KStreamRepartitionIntegrationTest.shouldGenerateRepartitionTopicWhenNameIsNotSpecified
    const builder = new StreamsBuilder()

    builder
      .stream(inputTopic, Consumed.with(Serdes.Integer(), Serdes.String()))
      .selectKey((key) => String(key))
      .repartition(Repartitioned.with(Serdes.String(), Serdes.String()))
      .to(outputTopic)

    const topology = builder.build().describe().toString()

    expect(countOccurrencesInTopology(topology, 'Sink: .*-repartition')).toBe(1)
  })
})
