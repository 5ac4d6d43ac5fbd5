// Records per second on a real broker, 1,000,000 input records of about 100 bytes on a
// 4-partition topic (override with --records N): (a) a raw kafkajs consume→produce loop with
// no processing, the ceiling of what kafkajs moves; (b) a stateless topology of 3 operators on
// KafkaStreams; (c) word count with its repartition topic and changelog. Prints records/s and
// the ratios (b)/(a) and (c)/(a). Starts its own local broker unless KAFKA_BOOTSTRAP_SERVERS
// names one.
import kafkajs, { type Producer } from 'kafkajs'
import { performance } from 'node:perf_hooks'
import {
  Consumed,
  Grouped,
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
} from '@topology-studio/engine'
import { KafkaStreams } from '@topology-studio/engine/kafka'
import type { NodeMetricsSnapshot } from '@topology-studio/engine'
import { startLocalKafka } from '../../../scripts/local-kafka/local-kafka'

const { Kafka, logLevel, Partitioners } = kafkajs
const RECORDS = Number(process.argv[process.argv.indexOf('--records') + 1] ?? 0) || 1_000_000
const PARTITIONS = 4
const WORDS = [
  'kafka',
  'streams',
  'topology',
  'partition',
  'window',
  'changelog',
  'replica',
  'offset',
]

/** About 100 bytes: a key and a line of six words, padded. */
function line(i: number): string {
  const words = Array.from(
    { length: 6 },
    (_, w) => `${WORDS[(i + w * 3) % WORDS.length]}${(i * 7 + w) % 50}`,
  )
  return words.join(' ').padEnd(90, '.')
}

async function produceInput(producer: Producer, topic: string): Promise<void> {
  const batch = 2_000
  const inFlight: Promise<unknown>[] = []
  for (let start = 0; start < RECORDS; start += batch) {
    const messages = Array.from({ length: Math.min(batch, RECORDS - start) }, (_, j) => ({
      key: `key-${(start + j) % 10_000}`,
      value: line(start + j),
    }))
    inFlight.push(producer.send({ topic, messages, acks: 1 }))
    if (inFlight.length >= 8) await inFlight.shift()
  }
  await Promise.all(inFlight)
}

async function rawLoop(brokers: string[], input: string, output: string): Promise<number> {
  const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({ groupId: `raw-${input}`, maxWaitTimeInMs: 500 })
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner })
  await Promise.all([consumer.connect(), producer.connect()])
  await consumer.subscribe({ topics: [input], fromBeginning: true })
  let consumed = 0
  const started = performance.now()
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        // Requests of 2,000 records (~200 kB): the broker refuses batches over 1 MB.
        const messages = batch.messages.map((m) => ({ key: m.key, value: m.value }))
        const sends = []
        for (let i = 0; i < messages.length; i += 2_000) {
          sends.push(
            producer.sendBatch({
              acks: -1,
              topicMessages: [{ topic: output, messages: messages.slice(i, i + 2_000) }],
            }),
          )
        }
        await Promise.all(sends)
        resolveOffset(batch.lastOffset())
        await consumer.commitOffsets([
          {
            topic: batch.topic,
            partition: batch.partition,
            offset: String(Number(batch.lastOffset()) + 1),
          },
        ])
        await heartbeat()
        consumed += batch.messages.length
        if (consumed >= RECORDS) resolve()
      },
    })
  })
  const seconds = (performance.now() - started) / 1000
  await Promise.all([consumer.disconnect(), producer.disconnect()])
  return RECORDS / seconds
}

async function streamsRun(
  brokers: string[],
  app: string,
  build: (builder: StreamsBuilder) => void,
): Promise<{ rate: number; seconds: number; kafkaRecordsPerInput: number }> {
  const builder = new StreamsBuilder()
  build(builder)
  const streams = new KafkaStreams(builder.build(), {
    'application.id': app,
    'bootstrap.servers': brokers.join(','),
  })
  const started = performance.now()
  await streams.start()
  // Done when every input record was processed and every record written to a repartition
  // topic was read back and processed too.
  const total = (nodes: readonly NodeMetricsSnapshot[], suffix: string) =>
    nodes.filter((n) => n.node.endsWith(suffix)).reduce((sum, n) => sum + n.recordsIn, 0)
  let metrics = streams.metrics()
  for (;;) {
    const source = metrics.nodes.find((n) => n.node === 'KSTREAM-SOURCE-0000000000')
    const repartitioned = total(metrics.nodes, '-repartition-sink')
    if (
      (source?.recordsIn ?? 0) >= RECORDS &&
      total(metrics.nodes, '-repartition-source') >= repartitioned
    ) {
      break
    }
    if (streams.state() === 'ERROR') throw streams.error() ?? new Error(`${app} failed`)
    await new Promise((r) => setTimeout(r, 50))
    metrics = streams.metrics()
  }
  // Records read (all sources) and written (all topics) by the application.
  const read = metrics.nodes
    .filter((n) => n.node.includes('SOURCE') || n.node.endsWith('-source'))
    .reduce((sum, n) => sum + n.recordsIn, 0)
  const written = metrics.threads
    .flatMap((t) => t.tasks)
    .reduce((sum, t) => sum + Object.values(t.produced).reduce((a, b) => a + b, 0), 0)
  // Closing commits: output flushed and acknowledged, offsets committed.
  await streams.close()
  const seconds = (performance.now() - started) / 1000
  return { rate: RECORDS / seconds, seconds, kafkaRecordsPerInput: (read + written) / RECORDS }
}

async function main(): Promise<void> {
  const given = process.env['KAFKA_BOOTSTRAP_SERVERS']
  const local = given === undefined || given === '' ? await startLocalKafka({ port: 0 }) : null
  const brokers = (
    given !== undefined && given !== '' ? given : (local?.bootstrapServers ?? '')
  ).split(',')
  try {
    const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING })
    const admin = kafka.admin()
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner })
    await Promise.all([admin.connect(), producer.connect()])
    const run = `bench-${Date.now().toString(36)}`
    const input = `${run}-input`
    await admin.createTopics({
      waitForLeaders: true,
      topics: ['input', 'raw-out', 'stateless-out', 'wc-out'].map((t) => ({
        topic: `${run}-${t}`,
        numPartitions: PARTITIONS,
      })),
    })
    const producing = performance.now()
    await produceInput(producer, input)
    const produceRate = RECORDS / ((performance.now() - producing) / 1000)
    await Promise.all([admin.disconnect(), producer.disconnect()])
    console.log(
      `Input: ${RECORDS.toLocaleString('en-US')} records of ~100 bytes on ${PARTITIONS} partitions (produced at ${Math.round(produceRate).toLocaleString('en-US')} records/s)`,
    )

    const raw = await rawLoop(brokers, input, `${run}-raw-out`)
    const S = Serdes.String()
    const stateless = await streamsRun(brokers, `${run}-stateless`, (builder) => {
      builder
        .stream<string, string>(input, Consumed.with(S, S))
        .filter((_k: string, v: string) => v.length > 0)
        .mapValues((v: string) => v.toUpperCase())
        .to(`${run}-stateless-out`, Produced.with(S, S))
    })
    const wordCount = await streamsRun(brokers, `${run}-wc`, (builder) => {
      builder
        .stream<string, string>(input, Consumed.with(S, S))
        .flatMapValues((v: string) => v.replace(/\.+$/, '').split(' '))
        .groupBy((_k: string, word: string) => word, Grouped.with(S, S))
        .count(Materialized.as('counts'))
        .toStream()
        .to(`${run}-wc-out`, Produced.with(S, Serdes.Long()))
    })
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9)
    // Each input record costs (a) one read and one write through kafkajs; the topologies say
    // how many theirs cost (word count: six words a line through the repartition topic).
    const hops = (r: { kafkaRecordsPerInput: number }) =>
      `${r.kafkaRecordsPerInput.toFixed(1)} Kafka records read+written per input record`
    console.log(
      `(a) raw kafkajs consume→produce      ${fmt(raw)} records/s                        2.0 Kafka records read+written per input record`,
    )
    console.log(
      `(b) stateless, 3 operators           ${fmt(stateless.rate)} records/s  ratio ${(stateless.rate / raw).toFixed(2)} (target ≥ 0.80)  ${hops(stateless)}`,
    )
    console.log(
      `(c) word count, changelog            ${fmt(wordCount.rate)} records/s  ratio ${(wordCount.rate / raw).toFixed(2)} (target ≥ 0.50)  ${hops(wordCount)}`,
    )
  } finally {
    await local?.stop()
  }
}

await main()
