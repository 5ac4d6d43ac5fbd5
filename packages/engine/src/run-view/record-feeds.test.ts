import { describe, expect, it } from 'vitest'
import type { NodeRecord } from '../telemetry/node-telemetry'
import { FOLLOW_CAPACITY, keyPaths, skippedRecord, TAP_CAPACITY, tapRecords } from './record-feeds'

const record = (key: string, offset: number, partition = 0): NodeRecord => ({
  key,
  value: new Uint8Array([offset]),
  timestamp: 1000 + offset,
  topic: 'words',
  partition,
  offset,
})

describe('record feeds', () => {
  it('taps a design node across its entry processors, oldest first, the latest kept', () => {
    const feeds = {
      tapped: (node: string) =>
        node === 'KSTREAM-A'
          ? Array.from({ length: TAP_CAPACITY }, (_, i) => record('a', i * 2))
          : [record('b', 1), record('b', 2 * TAP_CAPACITY + 1)],
      followed: () => [],
    }
    const records = tapRecords(feeds, ['KSTREAM-A', 'KSTREAM-B'])
    expect(records).toHaveLength(TAP_CAPACITY)
    expect(records.at(-1)).toMatchObject({ key: 'b', offset: 2 * TAP_CAPACITY + 1 })
    // Bytes travel as base64 text.
    expect(records[0]!.value).toBe('Ag==')
  })

  it('gives each followed key its latest records at every design node it reached', () => {
    const followed = new Map([
      ['SOURCE', Array.from({ length: FOLLOW_CAPACITY + 5 }, (_, i) => record('apple', i))],
      ['COUNT', [record('pear', 3)]],
    ])
    const feeds = { tapped: () => [], followed: (node: string) => followed.get(node) ?? [] }
    const shapes = [
      { nodeId: 'lines', all: ['SOURCE'] },
      { nodeId: 'count', all: ['COUNT'] },
    ]
    const [apple, pear, plum] = keyPaths(feeds, shapes, ['apple', 'pear', 'plum'])
    expect(apple!.nodes.map((n) => [n.nodeId, n.records.length])).toEqual([
      ['lines', FOLLOW_CAPACITY],
    ])
    expect(apple!.nodes[0]!.records.at(-1)).toMatchObject({ offset: FOLLOW_CAPACITY + 4 })
    expect(pear).toEqual({
      key: 'pear',
      nodes: [{ nodeId: 'count', records: [expect.objectContaining({ key: 'pear' })] }],
    })
    expect(plum).toEqual({ key: 'plum', nodes: [] })
  })

  it('lists a skipped record under its design node, with the record it failed on', () => {
    const warning = {
      taskId: '0_1',
      node: 'KSTREAM-FILTER-0000000001',
      reason: 'processing-error' as const,
      message: 'boom',
      record: record('k', 7, 1),
    }
    expect(skippedRecord(warning, 'filter', 42)).toEqual({
      nodeId: 'filter',
      processor: 'KSTREAM-FILTER-0000000001',
      taskId: '0_1',
      reason: 'processing-error',
      message: 'boom',
      at: 42,
      record: expect.objectContaining({ key: 'k', partition: 1, offset: 7 }),
    })
  })
})
