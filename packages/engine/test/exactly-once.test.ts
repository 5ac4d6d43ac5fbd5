// Exactly-once: an instance killed mid-stream (no clean close) leaves no trace in what a
// read_committed consumer sees; its successor fences it, restores and counts each input once.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { KafkaStreams } from '@topology-studio/engine/kafka'
import { bootstrapServers, connectedTestKit, readLong, uniqueName } from './support/kafka-test-kit'
import { countByKeyTopology } from './support/topologies'

const kit = connectedTestKit()

const KEYS = 10

function startChild(spec: object) {
  const script = fileURLToPath(new URL('./support/streams-process.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(spec)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const running = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('RUNNING')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`streams process exited (${code}): ${stderr}`)))
  })
  return { child, running }
}

describe('exactly-once on Kafka', () => {
  it('counts every input exactly once across a killed instance', async () => {
    const [input, output, app] = [
      uniqueName('eos-in'),
      uniqueName('eos-out'),
      uniqueName('eos-app'),
    ]
    await kit.createTopic(input, 2)
    await kit.createTopic(output, 1)
    const props = {
      'application.id': app,
      'bootstrap.servers': bootstrapServers(),
      'processing.guarantee': 'exactly_once_v2',
      'commit.interval.ms': 100,
      'session.timeout.ms': 6_000,
      'heartbeat.interval.ms': 1_000,
    }
    const record = (i: number) => ({ key: `k${i % KEYS}`, value: `v${i}` })
    let produced = 0
    const produce = async (n: number) => {
      await kit.produce(
        input,
        Array.from({ length: n }, (_, i) => record(produced + i)),
      )
      produced += n
    }
    await produce(500)
    const { child, running } = startChild({ input, output, props })
    await running
    // Keep input flowing while the instance works, then kill it without warning.
    for (let i = 0; i < 10; i++) {
      await produce(100)
      await new Promise((r) => setTimeout(r, 100))
    }
    child.kill('SIGKILL')
    await produce(500)

    const survivor = new KafkaStreams(countByKeyTopology(input, output), props)
    await survivor.start()
    try {
      const perKey = produced / KEYS
      const read = await kit.readUntil(
        output,
        (records) => {
          const last = new Map(records.map((r) => [String(r.key), readLong(r.value as Buffer)]))
          return last.size === KEYS && [...last.values()].every((n) => n === perKey)
        },
        { readCommitted: true, timeoutMs: 90_000 },
      )
      // Committed counts of each key only ever go up: no input was counted twice.
      const byKey = new Map<string, number[]>()
      for (const r of read) {
        const key = String(r.key)
        byKey.set(key, [...(byKey.get(key) ?? []), readLong(r.value as Buffer)])
      }
      for (const [key, counts] of byKey) {
        const increasing = counts.every((n, i) => i === 0 || n > (counts[i - 1] as number))
        expect(increasing, `${key}: ${counts.join(',')}`).toBe(true)
        expect(counts.at(-1)).toBe(perKey)
      }
    } finally {
      await survivor.close()
    }
  })
})
