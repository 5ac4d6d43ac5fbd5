import { planGraph } from '@topology-studio/engine'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { topicSerdes } from './topic-serdes'

describe('the serdes a topic is read with', () => {
  it('takes them from the node of the design that reads or writes the topic', () => {
    const graph = wordCountDesign()
    const { serdes } = planGraph(graph)
    expect(topicSerdes(graph, serdes, 'word-counts')).toEqual({
      keySerde: 'String',
      valueSerde: 'Long',
      from: 'Word counts',
    })
    expect(topicSerdes(graph, serdes, 'text-input')).toEqual({
      keySerde: 'String',
      valueSerde: 'String',
      from: 'Lines',
    })
  })

  it("falls back to the design's default serdes for topics it does not name", () => {
    const graph = { ...wordCountDesign(), config: { 'default.value.serde': 'Json' } }
    expect(topicSerdes(graph, {}, 'elsewhere')).toEqual({
      keySerde: 'String',
      valueSerde: 'Json',
      from: null,
    })
  })

  it('shows windowed keys as bytes, since their window follows the key', () => {
    const graph = wordCountDesign()
    const windowed = { key: 'String', value: 'Long', keyWindowed: true }
    expect(topicSerdes(graph, { out: windowed }, 'word-counts')).toEqual({
      keySerde: 'ByteArray',
      valueSerde: 'Long',
      from: 'Word counts',
    })
  })
})
