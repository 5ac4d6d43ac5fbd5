import { isUnwrittenFunction, wordCountDesign, type TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { EXAMPLE_6_SPLIT_MERGE } from '../dsl/golden/kafka-describe-texts'
import { Materialized } from '../dsl/materialized'
import { Named } from '../dsl/named'
import { StreamsBuilder } from '../dsl/streams-builder'
import { Serdes } from '../serde/serdes'
import { TopologyTestDriver } from '../test-driver/topology-test-driver'
import { compileGraph } from './compile-graph'
import { designFromPlan } from './design-from-plan'
import { fromDescription } from './from-description'
import { planGraph } from './plan-graph'
import { validateGraph } from './validate-graph'

function imported(text: string) {
  const { plan } = fromDescription(text)
  if (plan === null) throw new Error('the text does not parse')
  return designFromPlan(plan)
}

function recovered(text: string): { graph: TopologyGraph; guesses: string[] } {
  const result = imported(text)
  if (result.graph === null) throw new Error(result.reason)
  return result
}

const kinds = (graph: TopologyGraph) => graph.nodes.map((node) => node.kind)
const chain = (graph: TopologyGraph) => graph.edges.map((edge) => `${edge.source}->${edge.target}`)

// What a Java application with a session-windowed count and suppress printed (Kafka 4).
const SESSION_COUNT_SUPPRESS = [
  'Topologies:',
  '   Sub-topology: 0',
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])',
  '      --> KSTREAM-KEY-SELECT-0000000001',
  '    Processor: KSTREAM-KEY-SELECT-0000000001 (stores: [])',
  '      --> counts-repartition-filter',
  '      <-- KSTREAM-SOURCE-0000000000',
  '    Processor: counts-repartition-filter (stores: [])',
  '      --> counts-repartition-sink',
  '      <-- KSTREAM-KEY-SELECT-0000000001',
  '    Sink: counts-repartition-sink (topic: counts-repartition)',
  '      <-- counts-repartition-filter',
  '',
  '  Sub-topology: 1',
  '    Source: counts-repartition-source (topics: [counts-repartition])',
  '      --> KSTREAM-AGGREGATE-0000000002',
  '    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [counts])',
  '      --> KTABLE-SUPPRESS-0000000006',
  '      <-- counts-repartition-source',
  '    Processor: KTABLE-SUPPRESS-0000000006 (stores: [KTABLE-SUPPRESS-STATE-STORE-0000000007])',
  '      --> KTABLE-TOSTREAM-0000000008',
  '      <-- KSTREAM-AGGREGATE-0000000002',
  '    Processor: KTABLE-TOSTREAM-0000000008 (stores: [])',
  '      --> KSTREAM-MAP-0000000009',
  '      <-- KTABLE-SUPPRESS-0000000006',
  '    Processor: KSTREAM-MAP-0000000009 (stores: [])',
  '      --> KSTREAM-SINK-0000000010',
  '      <-- KTABLE-TOSTREAM-0000000008',
  '    Sink: KSTREAM-SINK-0000000010 (topic: output-suppressed)',
  '      <-- KSTREAM-MAP-0000000009',
  '',
  '',
].join('\n')

// A Processor API application: every node named by the application.
const PROCESSOR_API = [
  'Topologies:',
  '   Sub-topology: 0',
  '    Source: orders-in (topics: [orders])',
  '      --> dedupe',
  '    Processor: dedupe (stores: [seen-orders])',
  '      --> orders-out',
  '      <-- orders-in',
  '    Sink: orders-out (topic: unique-orders)',
  '      <-- dedupe',
  '',
  '',
].join('\n')

describe('designFromPlan', () => {
  it('recovers word count as the DSL calls that built it, describing byte for byte alike', () => {
    const text = planGraph(wordCountDesign()).plan?.describe as string
    const { graph } = recovered(text)
    expect(kinds(graph)).toEqual([
      'stream',
      'flatMapValues',
      'groupBy',
      'count',
      'toStream',
      'sink',
    ])
    expect(graph.nodes.find((node) => node.kind === 'count')?.params).toEqual({
      storeName: 'counts',
    })
    expect(graph.nodes[0]?.params).toEqual({ topics: ['text-input'] })
    expect(graph.nodes[5]?.params).toEqual({ topic: 'word-counts' })
    const ids = graph.nodes.map((node) => node.id)
    expect(chain(graph)).toEqual(ids.slice(1).map((id, at) => `${ids[at]}->${id}`))
    expect(planGraph(graph).plan?.describe).toBe(text)
  })

  it('leaves every function it cannot see as flagged code that throws, and nothing else wrong', () => {
    const { graph } = recovered(planGraph(wordCountDesign()).plan?.describe as string)
    const diagnostics = validateGraph(graph)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const unwritten = diagnostics.filter((d) => d.code === 'function/unwritten')
    expect(unwritten.map((d) => [d.severity, d.param])).toEqual([
      ['warning', 'mapper'],
      ['warning', 'keySelector'],
    ])
    const flatMap = graph.nodes[1]
    if (flatMap?.kind !== 'flatMapValues') throw new Error('expected flatMapValues')
    expect(isUnwrittenFunction(flatMap.params.mapper)).toBe(true)
    expect(flatMap.params.mapper.source).toContain('throw new Error')
    flatMap.params.mapper = { lang: 'expression', source: "split(value, ' ')" }
    expect(validateGraph(graph).filter((d) => d.code === 'function/unwritten')).toHaveLength(1)
  })

  it('recovers a Java application’s windowed count and suppress, saying what it had to assume', () => {
    const { graph, guesses } = recovered(SESSION_COUNT_SUPPRESS)
    expect(kinds(graph)).toEqual([
      'stream',
      'groupBy',
      'count',
      'suppress',
      'toStream',
      'map',
      'sink',
    ])
    expect(graph.nodes[3]?.params).toEqual({ mode: 'untilTimeLimit', timeLimitMs: 1000 })
    expect(guesses.join(' ')).toContain('windowedBy')
    expect(guesses.join(' ')).toContain('suppression settings')
    expect(planGraph(graph).plan?.describe).toBe(SESSION_COUNT_SUPPRESS)
  })

  it('makes each application-named processor a custom processor with its stores', () => {
    const { graph, guesses } = recovered(PROCESSOR_API)
    expect(graph.nodes.map((node) => [node.kind, node.params])).toEqual([
      ['stream', { topics: ['orders'], name: 'orders-in' }],
      [
        'process',
        {
          processor: expect.objectContaining({ lang: 'code' }),
          stores: [{ name: 'seen-orders', type: 'keyValue' }],
          valuesOnly: false,
          name: 'dedupe',
        },
      ],
      ['sink', { topic: 'unique-orders', name: 'orders-out' }],
    ])
    expect(guesses).toEqual([expect.stringContaining('dedupe')])
  })

  it('wires each branch of a split from its own port', () => {
    const { graph } = recovered(EXAMPLE_6_SPLIT_MERGE)
    const split = graph.nodes.find((node) => node.kind === 'split')
    expect(split?.params).toMatchObject({
      defaultBranch: true,
      branches: [{ id: 'branch-1' }, { id: 'branch-2' }],
    })
    const ports = graph.edges
      .filter((edge) => edge.source === split?.id)
      .map((edge) => [edge.sourcePort, graph.nodes.find((n) => n.id === edge.target)?.kind])
    expect(ports.sort()).toEqual([
      ['branch-1', 'mapValues'],
      ['branch-2', 'merge'],
      ['default', 'sink'],
    ])
    expect(planGraph(graph).plan?.describe).toBe(EXAMPLE_6_SPLIT_MERGE)
  })

  it('refuses, naming the processor, when no design prints the same text', () => {
    const shared = [
      'Topologies:',
      '   Sub-topology: 0',
      '    Source: orders-in (topics: [orders])',
      '      --> dedupe',
      '    Processor: dedupe (stores: [seen-orders])',
      '      --> audit',
      '      <-- orders-in',
      '    Processor: audit (stores: [seen-orders])',
      '      --> none',
      '      <-- dedupe',
      '',
      '',
    ].join('\n')
    const result = imported(shared)
    expect(result.graph).toBeNull()
    if (result.graph === null) expect(result.reason).toContain('seen-orders')
  })

  it('starts a design with an unwritten custom processor, which throws only when a record reaches it', () => {
    const { graph } = recovered(PROCESSOR_API)
    const { topology } = compileGraph(graph)
    if (topology === null) throw new Error('the design does not compile')
    const driver = new TopologyTestDriver(topology, {
      'application.id': 'imported',
      'default.key.serde': 'String',
      'default.value.serde': 'String',
    })
    const input = driver.createInputTopic('orders', Serdes.String(), Serdes.String())
    expect(() => input.pipeInput('k', 'v', 1)).toThrow('dedupe: the processor is not written yet')
    driver.close()
  })

  it('reads an application-named stream-to-table step as toTable, and a named child as no split', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('prices')
      .mapValues((value: string) => value, Named.as('enrich'))
      .filter(() => true, Named.as('enrich-valid'))
      .toTable(Named.as('as-table'), Materialized.as('latest-store'))
      .toStream()
      .to('latest')
    const text = builder.build().describe().toString()
    const { graph, guesses } = recovered(text)
    expect(kinds(graph)).toEqual([
      'stream',
      'mapValues',
      'mapValues',
      'toTable',
      'toStream',
      'sink',
    ])
    expect(graph.nodes[3]?.params).toEqual({ name: 'as-table', storeName: 'latest-store' })
    expect(guesses.join(' ')).toContain('toTable')
  })

  it('wires a stream join to the table it reads, not to a table join built on that table', () => {
    const builder = new StreamsBuilder()
    const a = builder.table<string, string>('a')
    const b = builder.table<string, string>('b')
    a.join(b, (x: string, y: string) => x + y)
      .toStream()
      .to('joined')
    builder
      .stream<string, string>('s')
      .leftJoin(a, (x: string, y: string | null) => x + String(y))
      .to('enriched')
    const text = builder.build().describe().toString()
    const { graph } = recovered(text)
    const streamJoin = graph.nodes.find((n) => n.kind === 'join' && n.params.joinType === 'left')
    const right = graph.edges.find((e) => e.target === streamJoin?.id && e.targetPort === 'right')
    expect(graph.nodes.find((n) => n.id === right?.source)?.params).toMatchObject({ topic: 'a' })
    expect(planGraph(graph).plan?.describe).toBe(text)
  })
})
