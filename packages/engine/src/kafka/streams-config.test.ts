import { describe, expect, it } from 'vitest'
import { streamsConfig } from './streams-config'

const base = { 'application.id': 'app', 'bootstrap.servers': '127.0.0.1:9092' }

describe('streams config', () => {
  it("takes Kafka Streams' defaults", () => {
    const config = streamsConfig(base, 'pid')
    expect(config.clientId).toBe('app-pid')
    expect(config.commitIntervalMs).toBe(30_000)
    expect(config.numStreamThreads).toBe(1)
    expect(config.processingGuarantee).toBe('at_least_once')
    expect(config.replicationFactor).toBe(-1)
  })

  it('commits every 100 ms under exactly-once', () => {
    const config = streamsConfig({ ...base, 'processing.guarantee': 'exactly_once_v2' }, 'p')
    expect(config.processingGuarantee).toBe('exactly_once')
    expect(config.commitIntervalMs).toBe(100)
  })

  it('names the key of a value it cannot use', () => {
    expect(() => streamsConfig({ 'bootstrap.servers': 'h:1' }, 'p')).toThrow(/application.id/)
    expect(() => streamsConfig({ ...base, 'application.id': 'a b' }, 'p')).toThrow(/application.id/)
    expect(() => streamsConfig({ 'application.id': 'a' }, 'p')).toThrow(/bootstrap.servers/)
    expect(() => streamsConfig({ ...base, 'bootstrap.servers': 'nohost' }, 'p')).toThrow(
      /host:port/,
    )
    expect(() => streamsConfig({ ...base, 'num.stream.threads': 0 }, 'p')).toThrow(
      /num.stream.threads/,
    )
    expect(() => streamsConfig({ ...base, 'processing.guarantee': 'maybe' }, 'p')).toThrow(
      /processing.guarantee/,
    )
  })
})
