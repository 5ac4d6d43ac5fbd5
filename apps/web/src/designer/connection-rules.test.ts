import { inferNodeShapes } from '@topology-studio/engine'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { connectionProblem } from './connection-rules'

describe('connectionProblem', () => {
  const graph = wordCountDesign()
  const shapes = inferNodeShapes(graph)

  it('allows the wires of word count', () => {
    expect(connectionProblem(graph, shapes, 'lines', 'words')).toBeNull()
    expect(connectionProblem(graph, shapes, 'by-word', 'count')).toBeNull()
  })

  it('refuses count on an ungrouped stream, saying what count needs', () => {
    expect(connectionProblem(graph, shapes, 'words', 'count')).toMatch(
      /count is defined on a KGroupedStream or .* but Split into words gives a KStream/,
    )
  })

  it('refuses wires into sources and loops onto a node itself', () => {
    expect(connectionProblem(graph, shapes, 'words', 'lines')).toMatch(/takes no input/)
    expect(connectionProblem(graph, shapes, 'count', 'count')).toMatch(/cannot feed itself/)
  })
})
