import type { FunctionParam, GraphEdge, GraphNode, TopologyGraph } from '@topology-studio/shared'

const expr = (source: string): FunctionParam => ({ lang: 'expression', source })

/**
 * A design of about `size` nodes made of repeated motifs: re-keyed aggregation chains
 * (repartitions), split fan-outs, windowed stream–stream joins and stream–table joins.
 */
export function generateDesign(size: number): TopologyGraph {
  const nodes: GraphNode[] = []
  const edges: GraphEdge[] = []
  let next = 0
  const add = (kind: GraphNode['kind'], params: object): string => {
    const id = `n${next++}`
    nodes.push({ id, kind, position: { x: 0, y: 0 }, params } as GraphNode)
    return id
  }
  const link = (source: string, target: string, ports: Partial<GraphEdge> = {}): void => {
    edges.push({ id: `e${edges.length}`, source, target, ...ports })
  }
  const chain = (from: string, ...steps: [GraphNode['kind'], object][]): string => {
    let last = from
    for (const [kind, params] of steps) {
      const id = add(kind, params)
      link(last, id)
      last = id
    }
    return last
  }

  for (let motif = 0; nodes.length < size; motif++) {
    const t = (name: string) => `${name}-${motif}`
    switch (motif % 4) {
      case 0: {
        const source = add('stream', { topics: [t('orders')] })
        chain(
          source,
          ['filter', { predicate: expr('value.amount > 0') }],
          ['mapValues', { mapper: expr('{ id: value.id, amount: value.amount * 2 }') }],
          ['selectKey', { keySelector: expr('value.id') }],
          ['groupByKey', {}],
          ['count', {}],
          ['toStream', {}],
          ['sink', { topic: t('order-counts') }],
        )
        break
      }
      case 1: {
        const source = add('stream', { topics: [t('events')] })
        const split = add('split', {
          branches: [
            { id: 'a', predicate: expr("value.type == 'a'") },
            { id: 'b', predicate: expr("value.type == 'b'") },
          ],
          defaultBranch: true,
        })
        link(source, split)
        for (const port of ['a', 'b', 'default']) {
          const mapped = add('mapValues', { mapper: expr('upper(value.type)') })
          link(split, mapped, { sourcePort: port })
          chain(mapped, ['sink', { topic: t(`events-${port}`) }])
        }
        break
      }
      case 2: {
        const left = add('stream', { topics: [t('clicks')] })
        const right = add('stream', { topics: [t('views')] })
        const join = add('join', {
          joinType: 'left',
          joiner: expr('{ click: left, view: right }'),
          window: { beforeMs: 5000, afterMs: 5000 },
        })
        link(left, join, { targetPort: 'left' })
        link(right, join, { targetPort: 'right' })
        chain(join, ['peek', { action: expr('value') }], ['sink', { topic: t('click-views') }])
        break
      }
      default: {
        const stream = add('stream', { topics: [t('payments')] })
        const table = add('table', { topic: t('customers') })
        const keyed = chain(stream, ['selectKey', { keySelector: expr('value.customer') }])
        const join = add('join', {
          joinType: 'inner',
          joiner: expr('{ payment: left, customer: right }'),
        })
        link(keyed, join, { targetPort: 'left' })
        link(table, join, { targetPort: 'right' })
        chain(join, ['sink', { topic: t('enriched-payments') }])
      }
    }
  }
  return { version: 1, name: `generated-${size}`, applicationId: 'bench', config: {}, nodes, edges }
}
