import { describe, expect, it } from 'vitest'
import { partitionForKey } from '../runtime/default-partitioner'
import { chunkTopicMessages, OutputBuffer } from './output-buffer'

const record = (topic: string, key: string | null, bytes: number) => ({
  topic,
  partition: null,
  key: key === null ? null : new TextEncoder().encode(key),
  value: new Uint8Array(bytes),
  timestamp: 5,
  headers: [],
})

describe('output buffer', () => {
  it('partitions keyed records with murmur2 over the topic partitions and keeps timestamps', () => {
    const buffer = new OutputBuffer((topic) => (topic === 'out' ? 4 : null))
    buffer.send(record('out', 'kafka', 1))
    buffer.send(record('other', 'kafka', 1))
    const [out, other] = buffer.drain()
    // partitionForKey is checked against Java's partitioner in its own tests.
    expect(out?.messages[0]?.partition).toBe(partitionForKey(new TextEncoder().encode('kafka'), 4))
    expect(out?.messages[0]?.timestamp).toBe('5')
    expect(other?.messages[0]?.partition).toBeUndefined()
    expect(buffer.size).toBe(0)
    expect(buffer.sentByTopic.get('out')).toBe(1)
  })

  it('splits large output into requests the broker accepts', () => {
    const buffer = new OutputBuffer(() => 1)
    for (let i = 0; i < 3000; i++) buffer.send(record('out', String(i), 1000))
    const requests = chunkTopicMessages(buffer.drain())
    expect(requests.length).toBeGreaterThan(5)
    expect(requests.flat().reduce((n, t) => n + t.messages.length, 0)).toBe(3000)
    for (const request of requests) {
      const bytes = request
        .flatMap((t) => t.messages)
        .reduce((n, m) => n + (m.value as Buffer).length, 0)
      expect(bytes).toBeLessThanOrEqual(512 * 1024)
    }
  })
})
