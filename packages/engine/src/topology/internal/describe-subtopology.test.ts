import { describe, expect, it } from 'vitest'
import { describeSubtopologyNodes, type NodeSketch } from './describe-subtopology'

function chain(length: number): NodeSketch[] {
  const nodes: NodeSketch[] = [{ type: 'source', name: 'n0', predecessors: [], topics: ['in'] }]
  for (let i = 1; i < length; i++) {
    nodes.push({ type: 'processor', name: `n${i}`, predecessors: [`n${i - 1}`], stores: [] })
  }
  return nodes
}

describe('describeSubtopologyNodes', () => {
  it('orders a chain from the source down, since each node counts the paths below it', () => {
    const nodes = describeSubtopologyNodes(chain(4))
    expect(nodes.map((n) => [n.name, n.predecessors, n.successors])).toEqual([
      ['n0', [], ['n1']],
      ['n1', ['n0'], ['n2']],
      ['n2', ['n1'], ['n3']],
      ['n3', ['n2'], []],
    ])
  })

  it('describes a chain of twenty thousand processors without exhausting the stack', () => {
    const nodes = describeSubtopologyNodes(chain(20_000))
    expect(nodes[0]?.name).toBe('n0')
    expect(nodes.at(-1)?.name).toBe('n19999')
  })

  it('counts the paths through sixty stacked diamonds without walking each of them', () => {
    // Kafka walks every path (2^60 here); counting them per ancestor gives the same sizes,
    // wrapped to Java ints, and finishes.
    const nodes: NodeSketch[] = [{ type: 'source', name: 's', predecessors: [], topics: ['in'] }]
    let previous = ['s']
    for (let layer = 0; layer < 60; layer++) {
      const pair = [`a${layer}`, `b${layer}`]
      for (const name of pair)
        nodes.push({ type: 'processor', name, predecessors: previous, stores: [] })
      previous = pair
    }
    const described = describeSubtopologyNodes(nodes)
    expect(described).toHaveLength(121)
    expect(described.find((n) => n.name === 'a59')?.predecessors).toEqual(['a58', 'b58'])
  })
})
