import { describe, expect, it } from 'vitest'
import { parseDescriptionText, parseTopics } from './parse-description-text'

describe('parseTopics', () => {
  it('reads a bracketed list of legal topic names as topics', () => {
    expect(parseTopics('[orders]')).toEqual({ topics: ['orders'] })
    expect(parseTopics('[com.acme.orders, a_b-c.1]')).toEqual({
      topics: ['com.acme.orders', 'a_b-c.1'],
    })
  })

  it('reads anything else as a subscription pattern', () => {
    expect(parseTopics('orders-.*')).toEqual({ topicPattern: 'orders-.*' })
    expect(parseTopics('[a-z]+')).toEqual({ topicPattern: '[a-z]+' })
    expect(parseTopics('[a|b]')).toEqual({ topicPattern: '[a|b]' })
    expect(parseTopics('[]')).toEqual({ topicPattern: '[]' })
  })
})

describe('parseDescriptionText', () => {
  it('reads an extractor whose text contains parentheses and "(topic: "', () => {
    const { description, diagnostics } = parseDescriptionText(
      [
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: in (topics: [a])',
        '      --> out',
        '    Sink: out (extractor class: Router (topic: x) v2)',
        '      <-- in',
      ].join('\n'),
    )
    expect(diagnostics).toEqual([])
    expect(description.blocks[0]?.nodes[1]).toMatchObject({
      type: 'sink',
      name: 'out',
      topicExtractor: 'Router (topic: x) v2',
      predecessors: { names: ['in'], line: 6 },
    })
  })

  it('keeps 1-based line numbers through blank lines and CR LF endings', () => {
    const { description } = parseDescriptionText(
      '\r\n\r\nTopologies:\r\n   Sub-topology: 0\r\n    Source: in (topics: [a])\r\n      --> none',
    )
    expect(description.blocks[0]).toMatchObject({ id: 0, line: 4 })
    expect(description.blocks[0]?.nodes[0]).toMatchObject({ line: 5, successors: { line: 6 } })
  })
})
