// `npm run kafka [-- --port 9092 --brokers 3 --data DIR --version 4.4.0]`: a real local Kafka.
import { startLocalKafka, type LocalKafkaOptions } from './local-kafka'

function parseArgs(argv: readonly string[]): LocalKafkaOptions {
  const options: { -readonly [K in keyof LocalKafkaOptions]: LocalKafkaOptions[K] } = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (value === undefined) throw new Error(`${flag} needs a value`)
    i++
    switch (flag) {
      case '--port':
        options.port = wholeNumber(flag, value)
        break
      case '--brokers':
        options.brokers = wholeNumber(flag, value)
        break
      case '--data':
        options.dataDir = value
        break
      case '--version':
        options.version = value
        break
      default:
        throw new Error(
          `Unknown option ${flag}; usage: npm run kafka [-- --port N] [--brokers N] [--data DIR] [--version X.Y.Z]`,
        )
    }
  }
  return options
}

function wholeNumber(flag: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number, got ${value}`)
  return n
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  process.stdout.write('Starting Apache Kafka (KRaft)…\n')
  const kafka = await startLocalKafka(options)
  process.stdout.write(
    `Kafka is ready: bootstrap servers ${kafka.bootstrapServers}\nData: ${kafka.dataDir}\nPress Ctrl-C to stop.\n`,
  )
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    process.stdout.write('\nStopping Kafka…\n')
    kafka.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${(error as Error).message}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
