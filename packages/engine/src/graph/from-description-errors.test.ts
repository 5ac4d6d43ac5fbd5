import { DiagnosticSchema } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { fromDescription } from './from-description'
import { DESCRIBE_DIAGNOSTIC_CODES } from './internal/describe-text/describe-diagnostics'
import * as golden from '../dsl/golden/kafka-describe-texts'
import { topologyFromPlan } from './topology-from-plan'
import { seededRandom } from '@topology-studio/shared'

/** Lines joined as describe() prints them; line numbers in expectations count from 1. */
const text = (...lines: string[]) => `${lines.join('\n')}\n`

const HEADER = ['Topologies:', '   Sub-topology: 0']
const SOURCE = ['    Source: in (topics: [input])', '      --> work']
const WORK = ['    Processor: work (stores: [])', '      --> out', '      <-- in']
const SINK = ['    Sink: out (topic: output)', '      <-- work']

function codes(input: string) {
  const { plan, diagnostics } = fromDescription(input)
  return { plan, found: diagnostics.map((d) => [d.code, d.severity, d.line]) }
}

describe('fromDescription on malformed text', () => {
  it('reports empty text', () => {
    expect(codes('  \r\n\n').found).toEqual([['describe/empty', 'error', undefined]])
  })

  it('reports a line describe() never prints, on its line', () => {
    const { plan, found } = codes(text(...HEADER, ...SOURCE, '    Store: s', ...WORK, ...SINK))
    expect(plan).toBeNull()
    expect(found).toEqual([['describe/unexpected-line', 'error', 5]])
  })

  it('reports an arrow line with no node above it', () => {
    expect(codes(text(...HEADER, '      --> work', ...SOURCE, ...WORK, ...SINK)).found).toEqual([
      ['describe/unexpected-line', 'error', 3],
    ])
  })

  it('reports a malformed sub-topology header without blaming its nodes again', () => {
    expect(
      codes(text('Topologies:', '   Sub-topology: one', ...SOURCE, ...WORK, ...SINK)).found,
    ).toEqual([['describe/bad-subtopology-header', 'error', 2]])
  })

  it('reports a node line whose details are malformed', () => {
    expect(
      codes(
        text(...HEADER, ...SOURCE, '    Processor: work', '      --> out', '      <-- in', ...SINK),
      ).found,
    ).toContainEqual(['describe/bad-node-line', 'error', 5])
  })

  it('reports a missing arrow line on the node', () => {
    expect(
      codes(text(...HEADER, ...SOURCE, WORK[0] as string, WORK[1] as string, ...SINK)).found,
    ).toEqual([['describe/missing-arrow', 'error', 5]])
  })

  it('reports an arrow a node kind cannot have', () => {
    expect(codes(text(...HEADER, ...SOURCE, ...WORK, ...SINK, '      --> in')).found).toEqual([
      ['describe/unexpected-arrow', 'error', 10],
    ])
  })

  it('reports a second arrow line of the same direction', () => {
    expect(codes(text(...HEADER, ...SOURCE, '      --> work', ...WORK, ...SINK)).found).toEqual([
      ['describe/duplicate-arrow', 'error', 5],
    ])
  })

  it('reports a neighbour that is not defined anywhere, on the arrow line', () => {
    const { found } = codes(
      text(...HEADER, ...SOURCE, ...WORK, '    Sink: out (topic: output)', '      <-- work, ghost'),
    )
    expect(found).toEqual([['describe/unknown-node', 'error', 9]])
  })

  it('reports successor and predecessor lists that disagree', () => {
    const { plan, found } = codes(
      text(...HEADER, '    Source: in (topics: [input])', '      --> work, out', ...WORK, ...SINK),
    )
    expect(plan).toBeNull()
    expect(found).toEqual([['describe/inconsistent-edge', 'error', 4]])
  })

  it('reports a source listed as a successor', () => {
    const { found } = codes(
      text(
        ...HEADER,
        ...SOURCE,
        '    Processor: work (stores: [])',
        '      --> out, in',
        '      <-- in',
        ...SINK,
      ),
    )
    expect(found).toContainEqual(['describe/inconsistent-edge', 'error', 6])
  })

  it('reports a duplicated node name on its second definition', () => {
    expect(codes(text(...HEADER, ...SOURCE, ...WORK, ...SINK, ...WORK)).found).toEqual([
      ['describe/duplicate-node', 'error', 10],
    ])
  })

  it('reports a duplicated sub-topology id', () => {
    const input = text(
      ...HEADER,
      ...SOURCE,
      ...WORK,
      ...SINK,
      '',
      '  Sub-topology: 0',
      '    Source: x (topics: [y])',
      '      --> none',
    )
    expect(codes(input).found).toEqual([['describe/duplicate-subtopology', 'error', 11]])
  })

  it('reports a node before any sub-topology header', () => {
    expect(
      codes(text('Topologies:', ...SOURCE, '   Sub-topology: 0', ...WORK, ...SINK)).found,
    ).toContainEqual(['describe/node-outside-subtopology', 'error', 2])
  })

  it('reports a sub-topology without nodes', () => {
    expect(
      codes(text(...HEADER, ...SOURCE, ...WORK, ...SINK, '', '  Sub-topology: 1')).found,
    ).toEqual([['describe/empty-subtopology', 'error', 11]])
  })

  it('reports a processor or sink without predecessors', () => {
    expect(
      codes(
        text(...HEADER, '    Processor: lonely (stores: [])', '      --> none', '      <-- none'),
      ).found,
    ).toEqual([['describe/no-predecessor', 'error', 5]])
  })

  it('reports links between sub-topologies', () => {
    const input = text(...HEADER, ...SOURCE, ...WORK, '', '  Sub-topology: 1', ...SINK)
    expect(codes(input).found).toEqual([
      ['describe/cross-subtopology-edge', 'error', 6],
      ['describe/cross-subtopology-edge', 'error', 11],
    ])
  })

  it('reports a cycle', () => {
    const input = text(
      ...HEADER,
      '    Processor: a (stores: [])',
      '      --> b',
      '      <-- b',
      '    Processor: b (stores: [])',
      '      --> a',
      '      <-- a',
    )
    expect(codes(input).found).toEqual([['describe/cycle', 'error', 3]])
  })

  it('reports a topic read by two sources', () => {
    const input = text(
      ...HEADER,
      ...SOURCE,
      '    Source: again (topics: [other, input])',
      '      --> work',
      '    Processor: work (stores: [])',
      '      --> out',
      '      <-- in, again',
      ...SINK,
    )
    expect(codes(input).found).toEqual([['describe/duplicate-topic', 'error', 5]])
  })

  it('reports a store shared across sub-topologies', () => {
    const input = text(
      ...HEADER,
      '    Source: a (topics: [x])',
      '      --> p',
      '    Processor: p (stores: [s])',
      '      --> none',
      '      <-- a',
      '',
      '  Sub-topology: 1',
      '    Source: b (topics: [y])',
      '      --> q',
      '    Processor: q (stores: [s])',
      '      --> none',
      '      <-- b',
    )
    expect(codes(input).found).toEqual([['describe/store-across-subtopologies', 'error', 12]])
  })

  it('reports a global store block of the wrong shape, and a global store listed elsewhere', () => {
    const global = [
      'Topologies:',
      '   Sub-topology: 0 for global store (will not generate tasks)',
      '    Source: g (topics: [products])',
      '      --> gp',
      '    Processor: gp (stores: [products-store, extra])',
      '      --> none',
      '      <-- g',
    ]
    expect(codes(text(...global)).found).toEqual([['describe/bad-global-store', 'error', 2]])
    const reused = text(
      ...global.slice(0, 4),
      '    Processor: gp (stores: [products-store])',
      ...global.slice(5),
      '  Sub-topology: 1',
      ...SOURCE,
      '    Processor: work (stores: [products-store])',
      '      --> out',
      '      <-- in',
      ...SINK,
    )
    expect(codes(reused).found).toEqual([['describe/global-store-reused', 'error', 11]])
  })

  it('reports a second topology header', () => {
    expect(codes(text(...HEADER, ...SOURCE, ...WORK, ...SINK, 'Topologies:')).found).toEqual([
      ['describe/duplicate-header', 'error', 10],
    ])
  })
})

describe('fromDescription on unusual but readable text', () => {
  it('warns about a missing header and reads the rest', () => {
    const { plan, found } = codes(text(HEADER[1] as string, ...SOURCE, ...WORK, ...SINK))
    expect(found).toEqual([['describe/missing-header', 'warning', 1]])
    expect(plan?.describe).toBe(text(...HEADER, ...SOURCE, ...WORK, ...SINK, ''))
  })

  it('renumbers sub-topology ids that do not count up from 0, with a warning', () => {
    const input = text('Topologies:', '   Sub-topology: 3', ...SOURCE, ...WORK, ...SINK, '')
    const { plan, found } = codes(input)
    expect(found).toEqual([['describe/subtopology-ids', 'warning', 2]])
    expect(plan?.subtopologies.map((s) => s.id)).toEqual([0])
  })

  it('puts sub-topologies printed out of id order back in order, with a warning', () => {
    const input = text(
      'Topologies:',
      '   Sub-topology: 1',
      '    Source: b (topics: [y])',
      '      --> none',
      '',
      '  Sub-topology: 0',
      '    Source: a (topics: [x])',
      '      --> none',
      '',
    )
    const { plan, found } = codes(input)
    expect(found).toEqual([['describe/subtopology-ids', 'warning', 2]])
    expect(plan?.subtopologies.map((s) => [s.id, s.nodes])).toEqual([
      [0, ['a']],
      [1, ['b']],
    ])
  })

  it('splits a block whose nodes are not connected, with a warning', () => {
    const input = text(
      ...HEADER,
      ...SOURCE,
      ...WORK,
      ...SINK,
      '    Source: other (topics: [x])',
      '      --> none',
      '',
    )
    const { plan, found } = codes(input)
    expect(found).toEqual([['describe/disconnected-subtopology', 'warning', 2]])
    expect(plan?.subtopologies.map((s) => s.nodes)).toEqual([['in', 'work', 'out'], ['other']])
  })
})

describe('fromDescription never throws', () => {
  // Seeded so a failure can be replayed.
  const random = seededRandom

  it('on mangled descriptions, and any plan it returns rebuilds to its own describe text', () => {
    const sources = Object.values(golden)
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed)
      const lines = (sources[seed % sources.length] as string).split('\n')
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * lines.length)
        const other = lines[Math.floor(next() * lines.length)] as string
        const kind = Math.floor(next() * 4)
        if (kind === 0) lines.splice(at, 1)
        else if (kind === 1) lines.splice(at, 0, other)
        else if (kind === 2) lines[at] = (lines[at] ?? '').replace(/[A-Z]-0+(\d)/, 'Z-$1')
        else lines[at] = (lines[at] ?? '').slice(0, Math.floor(next() * 40))
      }
      const { plan, diagnostics } = fromDescription(lines.join('\n'))
      for (const diagnostic of diagnostics) {
        expect(DiagnosticSchema.parse(diagnostic)).toEqual(diagnostic)
        expect(DESCRIBE_DIAGNOSTIC_CODES).toContain(diagnostic.code)
        expect(diagnostic.hint).toBeTruthy()
      }
      if (plan !== null) expect(topologyFromPlan(plan).describe().toString()).toBe(plan.describe)
      else expect(diagnostics.some((d) => d.severity === 'error')).toBe(true)
    }
  })
})
