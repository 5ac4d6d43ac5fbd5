// The seed scenario of a real pipeline: trades re-keyed by ISIN, the latest trade of each
// 2-second tumbling window (no grace) kept with reduce, and a wall-clock punctuator emitting
// the newest window of each ISIN every 2 seconds.
import { describe, expect, it } from 'vitest'
import {
  Consumed,
  Grouped,
  Materialized,
  Named,
  Produced,
  Record,
  Serdes,
  StreamsBuilder,
  TimeWindows,
  TopologyTestDriver,
  type ProcessorContext,
  type Serde,
  type TimestampedWindowStore,
  type Windowed,
} from '../index'

interface Trade {
  isin: string
  price: number
  volume: number
}

interface LatestTrade extends Trade {
  windowStart: number
  windowEnd: number
}

const S = Serdes.String()
const J = Serdes.Json()
const STORE = 'latest-trade-per-window'
const WALL_CLOCK_START = 10_000

function tradePipeline() {
  const builder = new StreamsBuilder()
  const latest = builder
    .stream('trades', Consumed.with(S, J))
    .selectKey((_key, trade) => (trade as Trade).isin)
    .groupByKey(Grouped.with(S, J))
    .windowedBy(TimeWindows.ofSizeWithNoGrace(2000))
    .reduce((_previous, trade) => trade, Materialized.as(STORE))
  latest
    .toStream()
    .process(
      () => {
        let context: ProcessorContext<string, LatestTrade>
        return {
          init(ctx: ProcessorContext<string, LatestTrade>) {
            context = ctx
            const windows = ctx.getStateStore<TimestampedWindowStore<string, Trade>>(STORE)
            ctx.schedule(2000, 'WALL_CLOCK_TIME', (now) => {
              // Windows come by start time, then key bytes: the last one seen per key is the
              // newest, and keys of one window come out in byte order.
              const newest = new Map<string, { key: Windowed<string>; trade: Trade }>()
              for (const entry of windows.all()) {
                newest.set(entry.key.key(), { key: entry.key, trade: entry.value.value() })
              }
              for (const [isin, { key, trade }] of newest) {
                context.forward(
                  new Record(
                    isin,
                    { ...trade, windowStart: key.window().start(), windowEnd: key.window().end() },
                    now,
                  ),
                )
              }
            })
          },
          process: () => undefined,
        }
      },
      Named.as('emit-newest-window'),
      STORE,
    )
    .to('latest-trades', Produced.with(S, J as Serde<LatestTrade>))
  return builder.build()
}

describe('seed scenario: latest trade per ISIN and 2-second window', () => {
  it('emits the newest window of each ISIN every 2 seconds of wall-clock time, dropping late trades (Kafka: WALL_CLOCK_TIME punctuation over a windowed reduce)', () => {
    const driver = new TopologyTestDriver(
      tradePipeline(),
      { 'application.id': 'trades', 'statestore.cache.max.bytes': 0 },
      WALL_CLOCK_START,
    )
    const trades = driver.createInputTopic('trades', S, J)
    const out = driver.createOutputTopic('latest-trades', S, J)
    const trade = (isin: string, price: number, volume: number, ts: number) =>
      trades.pipeInput(null, { isin, price, volume }, ts)

    trade('US0378331005', 10, 100, 10_100)
    trade('DE0007164600', 20, 5, 10_500)
    trade('US0378331005', 11, 50, 11_900)
    expect(out.isEmpty()).toBe(true)

    driver.advanceWallClockTime(2000)
    expect(out.readRecordsToList().map((r) => [r.key(), r.value(), r.timestamp()])).toEqual([
      [
        'DE0007164600',
        { isin: 'DE0007164600', price: 20, volume: 5, windowStart: 10_000, windowEnd: 12_000 },
        12_000,
      ],
      [
        'US0378331005',
        { isin: 'US0378331005', price: 11, volume: 50, windowStart: 10_000, windowEnd: 12_000 },
        12_000,
      ],
    ])

    trade('US0378331005', 12, 70, 12_100)
    trade('FR0000120271', 30, 9, 12_300)
    // Window [10000, 12000) closed at stream time 12000 (no grace): this trade is dropped.
    trade('US0378331005', 99, 1, 11_000)
    driver.advanceWallClockTime(1999)
    expect(out.isEmpty()).toBe(true)
    driver.advanceWallClockTime(1)
    // DE0007164600's only window started more than size + grace before the newest window,
    // so the store has already expired it.
    expect(out.readRecordsToList().map((r) => [r.key(), r.value(), r.timestamp()])).toEqual([
      [
        'FR0000120271',
        { isin: 'FR0000120271', price: 30, volume: 9, windowStart: 12_000, windowEnd: 14_000 },
        14_000,
      ],
      [
        'US0378331005',
        { isin: 'US0378331005', price: 12, volume: 70, windowStart: 12_000, windowEnd: 14_000 },
        14_000,
      ],
    ])
    const reduce = driver.metrics().find((m) => m.node.startsWith('KSTREAM-REDUCE'))
    expect(reduce?.droppedByReason).toEqual({ 'expired-window': 1 })
  })
})
