// Realistic records for trying topologies: stock trades keyed by ISIN, a clickstream keyed by
// user, and sentences for word count. Deterministic for a seed, so tests can predict them.
import type { SampleDataKind } from './api/clusters-api'
import { seededRandom } from './seeded-random'

export interface SampleRecord {
  readonly key: string | null
  readonly value: string
  readonly timestamp: number
}

const SECURITIES = [
  ['US0378331005', 'AAPL', 190],
  ['US5949181045', 'MSFT', 410],
  ['US0231351067', 'AMZN', 180],
  ['US02079K3059', 'GOOGL', 160],
  ['US88160R1014', 'TSLA', 240],
  ['US67066G1040', 'NVDA', 120],
  ['NL0010273215', 'ASML', 870],
  ['DE0007164600', 'SAP', 190],
  ['FR0000121014', 'MC', 720],
  ['GB0005405286', 'HSBA', 7],
  ['CH0038863350', 'NESN', 95],
  ['JP3633400001', '7203', 21],
] as const
const EXCHANGES = ['XNAS', 'XNYS', 'XAMS', 'XETR', 'XPAR', 'XLON']
const PAGES = ['/', '/search', '/products', '/products/{id}', '/cart', '/checkout', '/account']
const REFERRERS = ['direct', 'google', 'newsletter', 'twitter', 'partner-site']
const DEVICES = ['desktop', 'mobile', 'tablet']
const COUNTRIES = ['NL', 'DE', 'FR', 'GB', 'US', 'JP', 'BR']
const SUBJECTS = ['the stream', 'a table', 'every task', 'the broker', 'our topology', 'a window']
const VERBS = ['reads', 'joins', 'counts', 'repartitions', 'suppresses', 'aggregates']
const OBJECTS = [
  'the records',
  'each key',
  'late events',
  'the changelog',
  'every partition',
  'new orders',
]
const TAILS = ['', ' quickly', ' again', ' within the grace period', ' before the window closes']

/** Makes the records of one kind, one after another. */
export function sampleDataSource(
  kind: SampleDataKind,
  seed = Date.now(),
  now: () => number = Date.now,
): () => SampleRecord {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  switch (kind) {
    case 'stock-trades': {
      const prices = SECURITIES.map(([, , price]) => price as number)
      return () => {
        const index = Math.floor(random() * SECURITIES.length)
        const [isin, symbol] = SECURITIES[index] ?? SECURITIES[0]
        // A random walk keeps each security's price plausible from trade to trade.
        const price = Math.max(0.01, (prices[index] ?? 1) * (1 + (random() - 0.5) * 0.004))
        prices[index] = price
        const timestamp = now()
        return {
          key: isin,
          timestamp,
          value: JSON.stringify({
            isin,
            symbol,
            price: Math.round(price * 100) / 100,
            volume: 1 + Math.floor(random() ** 3 * 5_000),
            side: random() < 0.5 ? 'BUY' : 'SELL',
            exchange: pick(EXCHANGES),
            tradeTime: new Date(timestamp).toISOString(),
          }),
        }
      }
    }
    case 'page-views':
      return () => {
        // A few users are much busier than the rest, as in real traffic.
        const user = `user-${String(1 + Math.floor(random() ** 2 * 500)).padStart(4, '0')}`
        const timestamp = now()
        return {
          key: user,
          timestamp,
          value: JSON.stringify({
            userId: user,
            page: pick(PAGES).replace('{id}', String(1 + Math.floor(random() * 200))),
            referrer: pick(REFERRERS),
            device: pick(DEVICES),
            country: pick(COUNTRIES),
            durationMs: 200 + Math.floor(random() * 30_000),
            viewTime: new Date(timestamp).toISOString(),
          }),
        }
      }
    case 'sentences':
      return () => {
        const sentence = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}${pick(TAILS)}`
        return {
          key: null,
          timestamp: now(),
          value: sentence[0]?.toUpperCase() + sentence.slice(1),
        }
      }
  }
}
