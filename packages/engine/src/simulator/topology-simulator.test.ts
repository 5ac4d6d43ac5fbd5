import { clickEnrichmentDesign, wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { compileGraph } from '../graph/compile-graph'
import { partitionForKey } from '../runtime/default-partitioner'
import { Serdes } from '../serde/serdes'
import { TopologySimulator } from './topology-simulator'

const text = Serdes.String()
const json = Serdes.Json()
const long = Serdes.Long()
const bytesOf = (value: string) => text.serialize('', value) as Uint8Array

function wordCount(partitions: number) {
  const { topology } = compileGraph(wordCountDesign())
  if (topology === null) throw new Error('word count does not compile')
  return new TopologySimulator(topology, { partitions: { 'text-input': partitions } })
}

describe('TopologySimulator on partitions', () => {
  it('runs a task per sub-topology and partition, with repartition topics as wide as their input', () => {
    const simulator = wordCount(3)
    expect(simulator.isPartitioned()).toBe(true)
    const tasks = simulator.metrics().threads[0]?.tasks.map((t) => t.id)
    expect(tasks).toEqual(['0_0', '0_1', '0_2', '1_0', '1_1', '1_2'])
    const repartition = [...simulator.topics().keys()].find((t) => t.endsWith('-repartition'))
    expect(repartition).toBeDefined()
    expect(simulator.partitionsOf(repartition as string)).toBe(3)
  })

  it('processes one record per step, sending words to the partition of their key', () => {
    const simulator = wordCount(3)
    const line = simulator.produce('text-input', {
      key: bytesOf('line-1'),
      value: bytesOf('a b a'),
      timestamp: 10,
    })
    expect(line.partition).toBe(partitionForKey(bytesOf('line-1'), 3))

    const first = simulator.step({ storeWrites: true })
    expect(first?.taskId).toBe(`0_${line.partition}`)
    expect(first?.record).toMatchObject({ key: 'line-1', value: 'a b a', offset: 0 })
    expect(first?.reached.map((r) => r.node)).toContain('KSTREAM-FLATMAPVALUES-0000000001')
    const words = first?.produced ?? []
    expect(words.map((r) => text.deserialize('', r.key))).toEqual(['a', 'b', 'a'])
    for (const word of words) {
      expect(word.partition).toBe(partitionForKey(word.key as Uint8Array, 3))
    }
    // The topic lists them as written, whichever partitions they went to.
    const repartition = words[0]?.topic as string
    expect(simulator.records(repartition).map((r) => text.deserialize('', r.key))).toEqual([
      'a',
      'b',
      'a',
    ])
    expect(first?.storeWrites).toEqual([])

    const second = simulator.step({ storeWrites: true })
    const aPartition = partitionForKey(bytesOf('a'), 3)
    const bPartition = partitionForKey(bytesOf('b'), 3)
    expect(second?.taskId).toBe(`1_${Math.min(aPartition, bPartition)}`)
    expect(second?.storeWrites.length).toBe(1)
    expect(second?.storeWrites[0]).toMatchObject({ store: 'counts', before: null, after: 1 })

    simulator.runUntilIdle()
    expect(simulator.step()).toBeNull()
    expect(simulator.hasWork()).toBe(false)
    const counts = simulator.store<string, number>('counts')
    expect(counts.get('a')).toBe(2)
    expect(counts.get('b')).toBe(1)
    const holders = Object.fromEntries(
      counts.allByTask().flatMap((t) => t.entries.map((e) => [e.key as string, t.taskId])),
    )
    expect(holders).toEqual({ a: `1_${aPartition}`, b: `1_${bPartition}` })
    const out = simulator
      .records('word-counts')
      .map((r) => [text.deserialize('', r.key), long.deserialize('', r.value)])
    expect(out).toContainEqual(['a', 2])
    expect(out).toContainEqual(['b', 1])
  })

  it('counts records queued but not processed as lag of their task', () => {
    const simulator = wordCount(1)
    expect(simulator.isPartitioned()).toBe(false)
    simulator.produce('text-input', { key: null, value: bytesOf('x'), timestamp: 1 })
    simulator.produce('text-input', { key: null, value: bytesOf('y'), timestamp: 2 })
    expect(simulator.queued()).toBe(2)
    const lagOf = () =>
      simulator.metrics().threads[0]?.tasks[0]?.partitions.find((p) => p.topic === 'text-input')
        ?.lag
    expect(lagOf()).toBe(2)
    simulator.step()
    expect(lagOf()).toBe(1)
  })

  it('gives a repartition topic the partition count of the table it is joined with', () => {
    const { topology } = compileGraph(clickEnrichmentDesign())
    if (topology === null) throw new Error('click enrichment does not compile')
    const simulator = new TopologySimulator(topology, {
      partitions: { 'page-views': 3, pages: 2 },
    })
    const repartition = [...simulator.topics().keys()].find((t) => t.endsWith('-repartition'))
    expect(simulator.partitionsOf(repartition as string)).toBe(2)
    simulator.produce('pages', {
      key: bytesOf('/home'),
      value: json.serialize('', { title: 'Home' }),
      timestamp: 1,
    })
    simulator.produce('page-views', {
      key: bytesOf('user-1'),
      value: json.serialize('', { user: 'user-1', page: '/home' }),
      timestamp: 2,
    })
    simulator.runUntilIdle()
    expect(simulator.records('page-views-enriched')).toHaveLength(1)
    expect(simulator.latestWritten('pages', 5)).toEqual([])
    expect(simulator.latestWritten('page-views-enriched', 5)).toHaveLength(1)
  })

  it('refuses records for topics nothing reads and partitions a topic lacks', () => {
    const simulator = wordCount(2)
    expect(() =>
      simulator.produce('nope', { key: null, value: bytesOf('x'), timestamp: 0 }),
    ).toThrow('No source of the topology reads topic nope')
    expect(() =>
      simulator.produce('text-input', { key: null, value: null, timestamp: 0, partition: 2 }),
    ).toThrow('Topic text-input has 2 partitions; there is no partition 2')
    expect(() => wordCount(0)).toThrow('Topic text-input needs a whole number of partitions')
  })
})
