// Records per second through the TopologyTestDriver for four typical topologies, 1,000,000
// input records each (override with --records N): a stateless chain of 5 operators, word
// count, a 2-second tumbling windowed aggregation over 10,000 keys and a stream-stream
// windowed join. Prints the median of 3 runs and the peak memory seen while running. The
// stateless chain runs again with a record tap on every node: closed taps must cost nothing
// measurable, so the untapped chain is the baseline to compare with.
import { performance } from 'node:perf_hooks'
import {
  JoinWindows,
  KeyValue,
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
  TimeWindows,
  TopologyTestDriver,
  type Topology,
} from '@topology-studio/engine'

const S = Serdes.String()
const L = Serdes.Long()
const BYTES = Serdes.ByteArray()
const RECORDS = Number(process.argv[process.argv.indexOf('--records') + 1] ?? 0) || 1_000_000
const RUNS = 3
const KEYS = 10_000
const DRAIN_EVERY = 10_000
const props = {
  'application.id': 'bench',
  'default.key.serde': S,
  'default.value.serde': S,
}

interface Scenario {
  readonly name: string
  /** Opens a record tap on every node, to compare with the same topology untapped. */
  readonly tapped?: boolean
  readonly topology: () => Topology
  /** Pipes record `i`. */
  readonly feed: (driver: TopologyTestDriver) => (i: number) => void
}

const WORDS = Array.from({ length: 1000 }, (_, i) => `w${i.toString(36)}`)

const statelessChain: Scenario = {
  name: 'stateless chain (5 operators)',
  topology() {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .filter((_k, v) => v.length > 0)
      .mapValues((v: string) => v.toUpperCase())
      .map((k, v) => KeyValue.pair(k, `${v}!`))
      .flatMapValues((v: string) => [v])
      .peek(() => undefined)
      .to('out')
    return builder.build()
  },
  feed(driver) {
    const input = driver.createInputTopic('in', S, S)
    return (i) => input.pipeInput(`k${i % KEYS}`, `value-${i}`, i)
  },
}

const scenarios: Scenario[] = [
  statelessChain,
  { ...statelessChain, name: 'stateless chain, record tap open on every node', tapped: true },
  {
    name: 'word count (flatMapValues + groupBy + count)',
    topology() {
      const builder = new StreamsBuilder()
      builder
        .stream<string, string>('lines')
        .flatMapValues((line: string) => line.split(' '))
        .groupBy((_k, word) => word)
        .count()
        .toStream()
        .to('counts', Produced.with(S, L))
      return builder.build()
    },
    feed(driver) {
      const input = driver.createInputTopic('lines', S, S)
      return (i) => {
        const line = [0, 1, 2, 3, 4].map((j) => WORDS[(i * 7 + j * 131) % WORDS.length]).join(' ')
        input.pipeInput(null, line, i)
      }
    },
  },
  {
    name: 'tumbling 2 s windowed aggregation, 10,000 keys',
    topology() {
      const builder = new StreamsBuilder()
      builder
        .stream('trades', { keySerde: S, valueSerde: L } as never)
        .groupByKey()
        .windowedBy(TimeWindows.ofSizeWithNoGrace(2000))
        .aggregate(
          () => 0,
          (_k, v, sum) => (sum as number) + (v as number),
          Materialized.with(S, L),
        )
        .toStream()
        .map((windowed, sum) => KeyValue.pair(String(windowed), String(sum)))
        .to('sums')
      return builder.build()
    },
    feed(driver) {
      const input = driver.createInputTopic('trades', S, L)
      return (i) => input.pipeInput(`k${i % KEYS}`, i % 100, i)
    },
  },
  {
    name: 'stream-stream join (1 s windows)',
    topology() {
      const builder = new StreamsBuilder()
      const left = builder.stream<string, string>('left')
      const right = builder.stream<string, string>('right')
      left
        .join(
          right,
          (l: string, r: string) => `${l}+${r}`,
          JoinWindows.ofTimeDifferenceWithNoGrace(1000),
        )
        .to('joined')
      return builder.build()
    },
    feed(driver) {
      const left = driver.createInputTopic('left', S, S)
      const right = driver.createInputTopic('right', S, S)
      return (i) => (i % 2 === 0 ? left : right).pipeInput(`k${(i >> 1) % KEYS}`, `v${i}`, i)
    },
  },
]

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

function drain(driver: TopologyTestDriver): number {
  let drained = 0
  for (const topic of driver.producedTopicNames()) {
    const output = driver.createOutputTopic(topic, BYTES, BYTES)
    drained += output.getQueueSize()
    output.readRecordsToList()
  }
  return drained
}

const collectGarbage = (globalThis as { gc?: () => void }).gc
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
console.log(
  `engine: ${RECORDS.toLocaleString('en-US')} input records per run, median of ${RUNS} runs`,
)
for (const scenario of scenarios) {
  const rates: number[] = []
  let peakRss = 0
  let peakHeap = 0
  let outputs = 0
  for (let run = 0; run < RUNS; run++) {
    collectGarbage?.()
    const topology = scenario.topology()
    const driver = new TopologyTestDriver(topology, props, 0)
    if (scenario.tapped === true) {
      for (const name of topology.internalBuilder.nodes().keys()) driver.openTap(name, 100)
    }
    const pipe = scenario.feed(driver)
    outputs = 0
    const start = performance.now()
    for (let i = 0; i < RECORDS; i++) {
      pipe(i)
      if (i % DRAIN_EVERY === DRAIN_EVERY - 1) {
        outputs += drain(driver)
        const memory = process.memoryUsage()
        peakRss = Math.max(peakRss, memory.rss)
        peakHeap = Math.max(peakHeap, memory.heapUsed)
      }
    }
    outputs += drain(driver)
    rates.push(RECORDS / ((performance.now() - start) / 1000))
    driver.close()
  }
  console.log(
    `${scenario.name.padEnd(48)} ${Math.round(median(rates)).toLocaleString('en-US').padStart(10)} records/s  ` +
      `(runs: ${rates.map((r) => Math.round(r).toLocaleString('en-US')).join(', ')}; ` +
      `${outputs.toLocaleString('en-US')} records produced per run incl. repartition and changelog topics; ` +
      `peak rss ${mb(peakRss)} MB, peak heap ${mb(peakHeap)} MB)`,
  )
}
