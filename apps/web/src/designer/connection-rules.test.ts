import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { connectionProblem } from './connection-rules'

describe('connectionProblem', () => {
  const graph = wordCountDesign()

  it('allows the wires of word count', () => {
    expect(connectionProblem(graph, 'lines', 'words')).toBeNull()
    expect(connectionProblem(graph, 'by-word', 'count')).toBeNull()
  })

  it('refuses count on an ungrouped stream, saying what count needs', () => {
    expect(connectionProblem(graph, 'words', 'count')).toMatch(
      /count is defined on a KGroupedStream or .* but Split into words gives a KStream/,
    )
  })

  it('refuses wires into sources and loops onto a node itself', () => {
    expect(connectionProblem(graph, 'words', 'lines')).toMatch(/takes no input/)
    expect(connectionProblem(graph, 'count', 'count')).toMatch(/cannot feed itself/)
  })
})
