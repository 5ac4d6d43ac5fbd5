import { describe, expect, it } from 'vitest'
import { TopologyGraphSchema } from '../topology-graph'
import { wordCountDesign } from './word-count'

describe('wordCountDesign', () => {
  it('is a valid design with the topics it is given', () => {
    const design = TopologyGraphSchema.parse(
      wordCountDesign({ input: 'in', output: 'out', applicationId: 'app' }),
    )
    expect(design.applicationId).toBe('app')
    expect(design.nodes[0]?.params).toMatchObject({ topics: ['in'] })
    expect(design.nodes.at(-1)?.params).toMatchObject({ topic: 'out' })
  })
})
