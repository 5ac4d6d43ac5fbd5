import type { Diagnostic } from '@topology-studio/shared'
import { entry, type DiagnosticEntry } from '../diagnostic-entry'

// The catalogue of fromDescription diagnostics: one entry per stable code, with its severity and
// the text shown to the user, so wording stays in one place. Callers pass the facts (names,
// lines); every diagnostic also carries the 1-based line of the pasted text it is about.

const pasteHint = 'Paste the unchanged output of topology.describe().toString().'

const catalogue = {
  'describe/empty': entry('error', () => ({
    message: 'The text is empty.',
    hint: pasteHint,
  })),
  'describe/missing-header': entry('warning', () => ({
    message: 'The text does not start with "Topologies:"; it was read as if it did.',
    hint: 'Include the first line of the describe() output.',
  })),
  'describe/legacy-header': entry('info', (a: { name: string }) => ({
    message: `Named topology "${a.name}" is shown as an ordinary topology.`,
    hint: 'Named topologies print "Topology: <name>:"; the rebuilt topology prints "Topologies:".',
  })),
  'describe/duplicate-header': entry('error', () => ({
    message: 'A second topology header was found; only one topology can be read at a time.',
    hint: 'Paste the description of one topology.',
  })),
  'describe/unexpected-line': entry('error', (a: { text: string }) => ({
    message: `Unexpected line "${a.text}".`,
    hint:
      'describe() prints only "Sub-topology: N" headers, "Source:", "Processor:" and "Sink:" ' +
      `lines and "-->" / "<--" lines. ${pasteHint}`,
  })),
  'describe/bad-subtopology-header': entry('error', (a: { text: string }) => ({
    message: `Malformed sub-topology header "${a.text}".`,
    hint: 'Expected "Sub-topology: N" or "Sub-topology: N for global store (will not generate tasks)".',
  })),
  'describe/duplicate-subtopology': entry('error', (a: { id: number; firstLine: number }) => ({
    message: `Sub-topology ${a.id} appears twice (first on line ${a.firstLine}).`,
    hint: 'Each sub-topology id is printed once; check for a duplicated paste.',
  })),
  'describe/empty-subtopology': entry('error', (a: { id: number }) => ({
    message: `Sub-topology ${a.id} has no nodes.`,
    hint: 'describe() never prints an empty sub-topology; check that the paste is complete.',
  })),
  'describe/subtopology-ids': entry('warning', (a: { ids: readonly number[] }) => {
    const sorted = [...a.ids].sort((x, y) => x - y)
    const contiguous = sorted.every((id, index) => id === index)
    return {
      message: contiguous
        ? `Sub-topologies are printed out of id order (${a.ids.join(', ')}); they were put in order.`
        : `Sub-topology ids ${a.ids.join(', ')} do not count 0, 1, 2, …; they were renumbered in id order.`,
      hint: 'Kafka Streams numbers sub-topologies from 0 and prints them in id order.',
    }
  }),
  'describe/node-outside-subtopology': entry('error', (a: { name: string }) => ({
    message: `Node ${a.name} comes before any "Sub-topology:" header.`,
    hint: 'Include the "Sub-topology: N" line above the first node.',
  })),
  'describe/bad-node-line': entry('error', (a: { text: string; expected: string }) => ({
    message: `Malformed node line "${a.text}".`,
    hint: `Expected ${a.expected}.`,
  })),
  'describe/duplicate-node': entry('error', (a: { name: string; firstLine: number }) => ({
    message: `Node ${a.name} is defined twice (first on line ${a.firstLine}).`,
    hint: 'Node names are unique in a topology; check for a duplicated paste.',
  })),
  'describe/missing-arrow': entry('error', (a: { node: string; arrow: string }) => ({
    message: `${a.node} has no "${a.arrow}" line.`,
    hint:
      'Sources are followed by a "-->" line, processors by "-->" and "<--" lines, sinks by ' +
      'a "<--" line.',
  })),
  'describe/unexpected-arrow': entry(
    'error',
    (a: { node: string; arrow: string; why: string }) => ({
      message: `${a.node} has a "${a.arrow}" line, but ${a.why}.`,
      hint: 'Check that the line belongs to the node above it.',
    }),
  ),
  'describe/duplicate-arrow': entry('error', (a: { node: string; arrow: string }) => ({
    message: `${a.node} has more than one "${a.arrow}" line.`,
    hint: 'Each node prints its successors and predecessors once.',
  })),
  'describe/duplicate-name-in-list': entry('error', (a: { node: string; name: string }) => ({
    message: `${a.node} lists ${a.name} more than once.`,
    hint: 'Neighbour, store and topic lists are sets; remove the repeated name.',
  })),
  'describe/unknown-node': entry('error', (a: { node: string; name: string }) => ({
    message: `${a.node} names ${a.name}, which is not defined anywhere in the text.`,
    hint: 'Every name after "-->" or "<--" must have its own Source, Processor or Sink line.',
  })),
  'describe/inconsistent-edge': entry(
    'error',
    (a: { node: string; arrow: string; other: string; missing: string }) => ({
      message: `${a.node} lists ${a.other} after "${a.arrow}", but ${a.missing}.`,
      hint: 'Successor and predecessor lists must agree: A --> B exactly when B <-- A.',
    }),
  ),
  'describe/cross-subtopology-edge': entry('error', (a: { node: string; other: string }) => ({
    message: `${a.node} and its neighbour ${a.other} are in different sub-topologies.`,
    hint: 'Connected nodes always share a sub-topology; check the "Sub-topology:" headers.',
  })),
  'describe/no-predecessor': entry('error', (a: { node: string }) => ({
    message: `${a.node} has no predecessors.`,
    hint: 'Processors and sinks need at least one parent ("<-- none" is only valid on sources).',
  })),
  'describe/cycle': entry('error', (a: { path: readonly string[] }) => ({
    message: `The nodes form a cycle: ${a.path.join(' --> ')}.`,
    hint: 'A topology is acyclic: parents are added before their children.',
  })),
  'describe/duplicate-topic': entry(
    'error',
    (a: { topic: string; first: string; second: string }) => ({
      message: `Topic ${a.topic} is read by both ${a.first} and ${a.second}.`,
      hint: 'Kafka Streams lets only one source subscribe to a topic.',
    }),
  ),
  'describe/store-across-subtopologies': entry(
    'error',
    (a: { store: string; node: string; other: string }) => ({
      message: `Store ${a.store} is used by ${a.node} and by ${a.other} in another sub-topology.`,
      hint: 'Processors sharing a store always share a sub-topology.',
    }),
  ),
  'describe/bad-global-store': entry('error', (a: { id: number; why: string }) => ({
    message: `Global store block ${a.id} ${a.why}.`,
    hint:
      'A global store block holds one Source with one topic and one Processor with one store ' +
      'and "--> none".',
  })),
  'describe/global-store-reused': entry('error', (a: { store: string; node: string }) => ({
    message: `Global store ${a.store} is also listed by ${a.node}.`,
    hint: 'Processors read global stores without listing them; remove it from the list.',
  })),
  'describe/disconnected-subtopology': entry('warning', (a: { id: number; count: number }) => ({
    message: `Sub-topology ${a.id} falls apart into ${a.count} unconnected groups; each became its own sub-topology.`,
    hint: 'Kafka Streams groups nodes by links and shared stores, so it never prints such a block.',
  })),
  'describe/order-not-reproduced': entry(
    'warning',
    (a: { what: string; printed: string; rebuilt: string }) => ({
      message: `No Processor API insertion order prints ${a.what} as "${a.printed}"; the plan uses "${a.rebuilt}".`,
      hint:
        'describe() orders these lists by sub-topology size and name as Kafka Streams computes ' +
        'them; the text may have been edited or come from a different Kafka version.',
    }),
  ),
  'describe/pattern-not-javascript': entry('info', (a: { node: string; pattern: string }) => ({
    message: `The pattern of ${a.node} (${a.pattern}) is not a JavaScript regular expression; it is kept as text.`,
    hint: 'It is shown as written but matches no topic when the topology runs here.',
  })),
  'describe/rebuild-failed': entry('error', (a: { reason: string }) => ({
    message: `The topology could not be rebuilt: ${a.reason}`,
    hint: pasteHint,
  })),
} as const

type Catalogue = typeof catalogue
export type DescribeDiagnosticCode = keyof Catalogue
// Entries whose text takes no facts infer `unknown`; they are called without arguments.
type ArgsOf<C extends DescribeDiagnosticCode> = unknown extends Parameters<Catalogue[C]['text']>[0]
  ? []
  : Parameters<Catalogue[C]['text']>

/** Every code fromDescription can report. */
export const DESCRIBE_DIAGNOSTIC_CODES = Object.keys(catalogue) as DescribeDiagnosticCode[]

/** Builds the diagnostic `code` for `line` (1-based) of the pasted text. */
export function describeDiagnostic<C extends DescribeDiagnosticCode>(
  code: C,
  line: number | undefined,
  ...args: ArgsOf<C>
): Diagnostic {
  const found = catalogue[code] as DiagnosticEntry<ArgsOf<C>[0]>
  const text = found.text(args[0])
  return {
    severity: found.severity,
    code,
    message: text.message,
    ...(line !== undefined ? { line } : {}),
    hint: text.hint,
  }
}
