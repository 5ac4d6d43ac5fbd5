import type { Diagnostic, DiagnosticSeverity, NodeKind } from '@topology-studio/shared'
import { entry, type DiagnosticEntry } from './internal/diagnostic-entry'
import { type Shape, shapeName } from './internal/shape'
import type { JoinVariant } from './internal/shape-rules'

// The catalogue of validation diagnostics: one entry per stable code, with its severity and the
// text shown to the user. Arguments are already formatted (nodes as `filter "big"`), so callers
// never write message text themselves. Kept in one file so wording stays consistent; it is long
// because it is a list.

const namingRules =
  'Use 1–249 characters from letters, digits, ".", "_" and "-"; "." and ".." are not allowed.'

/** Rules behind `param/invalid`. */
export type ParamRule =
  | 'integer'
  | 'positive'
  | 'non-negative'
  | 'at-least-one'
  | 'advance-within-size'
  | 'retention-covers-window'
  | 'strict-buffer'
  | 'unique'

const paramRules: Readonly<Record<ParamRule, { must: string; hint: string }>> = {
  integer: { must: 'must be a whole number', hint: 'Remove the fractional part.' },
  positive: { must: 'must be greater than 0', hint: 'Enter a value of at least 1.' },
  'non-negative': { must: 'must not be negative', hint: 'Enter 0 or more.' },
  'at-least-one': { must: 'must be at least 1', hint: 'Enter 1 or more, or clear the field.' },
  'advance-within-size': {
    must: 'must not be larger than the window size',
    hint: 'A hop larger than the window skips records; set advanceMs between 1 and sizeMs.',
  },
  'retention-covers-window': {
    must: 'must be at least the window size',
    hint: 'A window store must retain each window for its whole size; raise retentionMs.',
  },
  unique: {
    must: 'must differ from the other inputs’ ids',
    hint: 'Each input arrives on its own port, named by its id: give this one another id.',
  },
  'strict-buffer': {
    must: 'must be "shutDown" when untilWindowCloses has a bounded buffer',
    hint:
      'untilWindowCloses promises one final result per window, so it cannot emit early: set ' +
      'whenFull to "shutDown", remove maxRecords/maxBytes, or use untilTimeLimit.',
  },
}

/** Situations behind `param/missing`, `param/not-allowed` and `param/ignored`. */
export type ParamSituation =
  | 'subtractor-grouped-table'
  | 'subtractor-grouped-stream'
  | 'merger-session'
  | 'merger-not-session'
  | 'value-selector-stream'
  | 'key-selector-not-global'
  | 'foreign-key-not-tables'
  | 'store-name-stream-join'
  | 'store-window-size'
  | 'store-retention'
  | 'store-key-value-timing'
  | 'when-full-unbounded'

const paramSituations: Readonly<Record<ParamSituation, { why: string; hint: string }>> = {
  'subtractor-grouped-table': {
    why: 'aggregating a grouped table needs it to take back the old value of a changed row',
    hint: 'Add a subtractor that undoes the adder, e.g. `aggregate - value` for a sum.',
  },
  'subtractor-grouped-stream': {
    why: 'only the aggregation of a grouped table (groupBy on a table) uses it',
    hint: 'Remove the subtractor; a stream record is only ever added.',
  },
  'merger-session': {
    why: 'a session-windowed aggregation needs it to combine two sessions that a record joins',
    hint: 'Add a merger, e.g. `aggregate1 + aggregate2` for a sum.',
  },
  'merger-not-session': {
    why: 'only a session-windowed aggregation merges sessions',
    hint: 'Remove the merger.',
  },
  'value-selector-stream': {
    why: 'only groupBy on a table selects a new value; a stream keeps its values',
    hint: 'Remove the value selector, or add a mapValues node before groupBy.',
  },
  'foreign-key-not-tables': {
    why: 'only a join of two tables can look up the right table by a foreign key',
    hint: 'Remove the foreign key, or join two tables (toTable turns a stream into one).',
  },
  'key-selector-not-global': {
    why: 'only a stream–globalTable join computes its lookup key; other joins match on the key',
    hint: 'Remove the key selector, or re-key the stream with selectKey before the join.',
  },
  'store-name-stream-join': {
    why: 'a stream–table or stream–globalTable join keeps no store of its own',
    hint: 'Remove the store name, or name the table’s store on the table node.',
  },
  'store-window-size': {
    why: 'a window store needs the size of its windows',
    hint: 'Set windowSizeMs.',
  },
  'store-retention': {
    why: 'a window or session store needs to know how long to keep data',
    hint: 'Set retentionMs.',
  },
  'store-key-value-timing': {
    why: 'a key-value store keeps every key until it is deleted',
    hint: 'Remove retentionMs and windowSizeMs, or change the store type to window.',
  },
  'when-full-unbounded': {
    why: 'without maxRecords or maxBytes the buffer is unbounded and never full',
    hint: 'Set maxRecords or maxBytes, or remove whenFull.',
  },
}

/** A sink's declared serde against the one its records carry. */
interface SerdeMismatch {
  node: string
  side: 'key' | 'value'
  carried: string
  declared: string
}

/** Reasons behind `edge/invalid-port`. */
export type PortProblem = 'join-side' | 'split-branch' | 'split-default'

const catalogue = {
  'graph/invalid-schema': entry<{ path: string; problem: string }>('error', (a) => ({
    message: `The design does not match the format at ${a.path}: ${a.problem}.`,
    hint: 'Fix the value at that path; until it is valid the node is left out of other checks.',
  })),
  'graph/invalid-application-id': entry<{ applicationId: string; reason: string }>(
    'error',
    (a) => ({
      message: `The application id "${a.applicationId}" ${a.reason}.`,
      hint: `It names the consumer group and prefixes every internal topic. ${namingRules}`,
    }),
  ),
  'graph/duplicate-node-id': entry<{ id: string; first: string; second: string }>('error', (a) => ({
    message: `Two nodes have the id "${a.id}": ${a.first} and ${a.second}.`,
    hint: 'Give every node its own id; edges to this id cannot tell the nodes apart.',
  })),
  'graph/duplicate-edge-id': entry<{ id: string }>('error', (a) => ({
    message: `Two edges have the id "${a.id}".`,
    hint: 'Give every edge its own id.',
  })),
  'graph/dangling-edge': entry<{ edgeId: string; end: 'source' | 'target'; missing: string }>(
    'error',
    (a) => ({
      message:
        `Edge "${a.edgeId}" ${a.end === 'source' ? 'starts at' : 'ends at'} node ` +
        `"${a.missing}", which does not exist.`,
      hint: 'Delete the edge or reconnect it to an existing node.',
    }),
  ),
  'graph/duplicate-edge': entry<{ edgeId: string; firstEdgeId: string; from: string; to: string }>(
    'error',
    (a) => ({
      message:
        `Edge "${a.edgeId}" repeats the connection from ${a.from} to ${a.to} made by edge ` +
        `"${a.firstEdgeId}".`,
      hint: 'Delete one of the two edges.',
    }),
  ),
  'graph/cycle': entry<{ path: readonly string[] }>('error', (a) => ({
    message: `These nodes form a cycle: ${[...a.path, a.path[0]].join(' → ')}.`,
    hint:
      'A topology is acyclic: remove one of these edges. To feed records back, write them to a ' +
      'topic with a sink and read that topic with a new stream node.',
  })),
  'edge/invalid-port': entry<{
    edgeId: string
    node: string
    port?: string | undefined
    problem: PortProblem
  }>('error', (a) => {
    const port = a.port === undefined ? 'no port' : `port "${a.port}"`
    switch (a.problem) {
      case 'join-side':
        return {
          message:
            `Edge "${a.edgeId}" enters ${a.node} through ${port}; a join input must use ` +
            '"left" or "right".',
          hint: 'Reconnect the edge to the left or right handle of the join.',
        }
      case 'split-branch':
        return {
          message:
            `Edge "${a.edgeId}" leaves ${a.node} through ${port}, which is not one of its ` +
            'branches.',
          hint: 'Reconnect the edge to the handle of a branch or of the default branch.',
        }
      case 'split-default':
        return {
          message:
            `Edge "${a.edgeId}" leaves ${a.node} through the default branch, which is ` +
            'switched off.',
          hint: 'Turn on the default branch, or reconnect the edge to a branch.',
        }
    }
  }),
  'edge/ignored-port': entry<{
    edgeId: string
    node: string
    port: string
    end: 'source' | 'target'
  }>('warning', (a) => ({
    message:
      `Edge "${a.edgeId}" names ${a.end} port "${a.port}", but ${a.node} has no ` +
      `${a.end === 'source' ? 'output' : 'input'} ports.`,
    hint: 'Remove the port from the edge; only joins (inputs) and splits (outputs) have ports.',
  })),
  'node/unexpected-input': entry<{ node: string }>('error', (a) => ({
    message: `${a.node} reads from Kafka and cannot have an input.`,
    hint:
      'Remove the incoming edge. To continue from another branch, connect it to this node’s ' +
      'consumers instead.',
  })),
  'node/missing-input': entry<{
    node: string
    need: 'one' | 'two' | 'left' | 'right'
    count: number
  }>('error', (a) => {
    switch (a.need) {
      case 'one':
        return {
          message: `${a.node} has no input.`,
          hint: 'Connect the output of another node to it, or delete it.',
        }
      case 'two':
        return {
          message:
            `${a.node} merges ${a.count === 0 ? 'no streams' : 'only one stream'}; a merge ` +
            'needs at least two inputs.',
          hint: 'Connect two or more streams to the merge, or remove it.',
        }
      case 'left':
      case 'right':
        return {
          message: `${a.node} has no ${a.need} input.`,
          hint: `Connect a node to the join’s ${a.need} handle.`,
        }
    }
  }),
  'cogroup/missing-input': entry<{ node: string; input: string }>('error', (a) => ({
    message: `${a.node} has no grouped stream on its input "${a.input}".`,
    hint: `Connect a groupByKey or groupBy to the "${a.input}" handle, or remove that input.`,
  })),
  'cogroup/too-many-inputs': entry<{ node: string; input: string; count: number }>(
    'error',
    (a) => ({
      message: `${a.node} has ${a.count} grouped streams on its input "${a.input}"; each input takes one.`,
      hint: 'Add an input for each grouped stream, each with its own aggregator.',
    }),
  ),
  'cogroup/same-grouped-stream': entry<{ node: string; source: string; inputs: string[] }>(
    'error',
    (a) => ({
      message:
        `${a.node} takes ${a.source} on ${a.inputs.map((id) => `"${id}"`).join(' and ')}; ` +
        'Kafka Streams keeps one aggregator per grouped stream, so all but one would be lost.',
      hint: 'Fold it in with one aggregator, or group the stream a second time for the other.',
    }),
  ),
  'cogroup/unknown-input': entry<{
    edgeId: string
    node: string
    port?: string | undefined
    inputs: readonly string[]
  }>('error', (a) => ({
    message:
      `Edge "${a.edgeId}" enters ${a.node} through ${a.port === undefined ? 'no port' : `port "${a.port}"`}; ` +
      `its inputs are ${a.inputs.map((id) => `"${id}"`).join(', ')}.`,
    hint: 'Reconnect the edge to one of the cogroup’s input handles.',
  })),
  'node/too-many-inputs': entry<{
    node: string
    count: number
    side?: 'left' | 'right' | undefined
  }>('error', (a) =>
    a.side === undefined
      ? {
          message: `${a.node} has ${a.count} inputs but takes exactly one.`,
          hint: 'Combine the streams with a merge node and connect the merge to it.',
        }
      : {
          message: `${a.node} has ${a.count} ${a.side} inputs but takes exactly one per side.`,
          hint: `Keep one edge on the ${a.side} handle; merge streams first if you need several.`,
        },
  ),
  'node/unexpected-output': entry<{ node: string; kind: 'sink' | 'foreach' }>('error', (a) => ({
    message: `${a.node} ends the stream and cannot have an output.`,
    hint:
      a.kind === 'foreach'
        ? 'Use peek instead of foreach to act on records and keep the stream going.'
        : 'Remove the outgoing edge; read the sink’s topic with a new stream node to continue.',
  })),
  'node/unused-output': entry<{ node: string; branch?: string | undefined }>('warning', (a) =>
    a.branch === undefined
      ? {
          message: `The output of ${a.node} goes nowhere.`,
          hint: 'Connect it to a further operation or a sink, or delete the node.',
        }
      : {
          message: `Branch "${a.branch}" of ${a.node} goes nowhere, so its records are dropped.`,
          hint: 'Connect the branch to a node, or remove the branch.',
        },
  ),
  'node/wrong-input-type': entry<{
    node: string
    kind: NodeKind
    input: string
    side?: 'left' | 'right' | undefined
    expected: readonly Shape[]
    actual: Shape
  }>('error', (a) => ({
    message:
      `${a.node} needs ${listShapes(a.expected)} as its ${a.side ? `${a.side} ` : ''}input, ` +
      `but ${a.input} gives ${shapeName(a.actual)}.`,
    hint: wrongInputHint(a.kind, a.actual),
  })),
  'node/global-table-misuse': entry<{ table: string; consumer: string }>('error', (a) => ({
    message:
      `${a.table} feeds ${a.consumer}, but a global table can only be the right input of a ` +
      'join.',
    hint:
      'Connect it to the "right" handle of a join whose left input is a stream, and give the ' +
      'join a key selector. Use a table node instead if you need to transform the data.',
  })),
  'join/wrong-side': entry<{ node: string; left: Shape; right: Shape }>('error', (a) => ({
    message:
      `${a.node} cannot join ${shapeName(a.left)} (left) ` + `with ${shapeName(a.right)} (right).`,
    hint:
      a.right === 'stream'
        ? 'A stream must be on the left: swap the inputs, connecting the stream to "left" and ' +
          'the table to "right".'
        : 'Only a stream can look up a global table: convert the left table with toStream, or ' +
          'read the right topic with a table node.',
  })),
  'join/missing-window': entry<{ node: string }>('error', (a) => ({
    message: `${a.node} joins two streams but has no join window.`,
    hint: 'Set the window (beforeMs/afterMs): stream records only match records close in time.',
  })),
  'join/unexpected-window': entry<{ node: string; variant: JoinVariant }>('error', (a) => ({
    message: `${a.node} is a ${a.variant} join, which takes no window.`,
    hint: 'Remove the window; only stream–stream joins are windowed.',
  })),
  'join/outer-not-supported': entry<{ node: string; variant: JoinVariant }>('error', (a) => ({
    message: `${a.node} is an outer join, which a ${a.variant} join does not offer.`,
    hint: 'Use a left join: every stream record is emitted, with null when there is no match.',
  })),
  'join/outer-foreign-key': entry<{ node: string }>('error', (a) => ({
    message: `${a.node} is an outer foreign-key join, which Kafka Streams does not offer.`,
    hint: 'Use an inner or a left join: a foreign-key join is driven by the left table.',
  })),
  'join/missing-key-selector': entry<{ node: string }>('error', (a) => ({
    message: `${a.node} looks up a global table but has no key selector.`,
    hint:
      'Set keySelector to compute the global table’s key from each record, e.g. ' +
      '`value.productId`.',
  })),
  'param/invalid': entry<{ node: string; param: string; value: unknown; rule: ParamRule }>(
    'error',
    (a) => ({
      message:
        `The ${a.param} of ${a.node} ${paramRules[a.rule].must}, but is ` +
        `${JSON.stringify(a.value)}.`,
      hint: paramRules[a.rule].hint,
    }),
  ),
  'param/missing': entry<{ node: string; param: string; situation: ParamSituation }>(
    'error',
    (a) => ({
      message: `${a.node} has no ${a.param}; ${paramSituations[a.situation].why}.`,
      hint: paramSituations[a.situation].hint,
    }),
  ),
  'param/not-allowed': entry<{ node: string; param: string; situation: ParamSituation }>(
    'error',
    (a) => ({
      message: `${a.node} sets ${a.param}, but ${paramSituations[a.situation].why}.`,
      hint: paramSituations[a.situation].hint,
    }),
  ),
  'param/ignored': entry<{ node: string; param: string; situation: ParamSituation }>(
    'warning',
    (a) => ({
      message: `The ${a.param} of ${a.node} has no effect: ${paramSituations[a.situation].why}.`,
      hint: paramSituations[a.situation].hint,
    }),
  ),
  'suppress/not-windowed': entry<{ node: string; input: string }>('error', (a) => ({
    message: `${a.node} waits until windows close, but ${a.input} gives a KTable without windows.`,
    hint:
      'Use untilTimeLimit for a plain table, or place suppress after a windowed count, reduce ' +
      'or aggregate.',
  })),
  'split/no-branches': entry<{ node: string }>('error', (a) => ({
    message: `${a.node} has no branches.`,
    hint: 'Add a branch with a predicate, or delete the split.',
  })),
  'split/invalid-branch-id': entry<{
    node: string
    branchId: string
    problem: 'blank' | 'duplicate' | 'reserved'
  }>('error', (a) => ({
    message:
      a.problem === 'blank'
        ? `A branch of ${a.node} has a blank id.`
        : a.problem === 'duplicate'
          ? `Two branches of ${a.node} have the id "${a.branchId}".`
          : `A branch of ${a.node} has the id "${a.branchId}", which is reserved for the ` +
            'default branch.',
    hint: 'Give each branch its own non-blank id; edges use it to say which branch they leave.',
  })),
  'topic/missing': entry<{ node: string; param: string; direction: 'read' | 'write' }>(
    'error',
    (a) => ({
      message:
        a.param === 'topics' ? `${a.node} has no topics.` : `The ${a.param} of ${a.node} is blank.`,
      hint: `Enter the topic to ${a.direction === 'read' ? 'read from' : 'write to'}.`,
    }),
  ),
  'topic/invalid-name': entry<{ node: string; topic: string; reason: string }>('error', (a) => ({
    message: `Topic "${a.topic}" of ${a.node} ${a.reason}.`,
    hint: `Kafka would reject this topic name. ${namingRules}`,
  })),
  'topic/invalid-pattern': entry<{ node: string; pattern: string; reason: string }>(
    'error',
    (a) => ({
      message:
        `The topic pattern "${a.pattern}" of ${a.node} is not a valid regular expression: ` +
        `${a.reason}.`,
      hint: 'Fix the pattern, e.g. `orders-.*` for every topic starting with "orders-".',
    }),
  ),
  'topic/duplicate': entry<{ node: string; topic: string }>('warning', (a) => ({
    message: `${a.node} lists topic "${a.topic}" more than once.`,
    hint: 'Remove the repeated topic.',
  })),
  'topic/duplicate-source': entry<{ topic: string; first: string; second: string }>(
    'error',
    (a) => ({
      message: `Topic "${a.topic}" is read by both ${a.first} and ${a.second}.`,
      hint:
        'Kafka Streams reads each topic through one source: keep one node and connect it to ' +
        'every consumer (a stream and a table cannot share a topic).',
    }),
  ),
  'name/invalid': entry<{ node: string; param: string; name: string; reason: string }>(
    'error',
    (a) => ({
      message: `The ${a.param} "${a.name}" of ${a.node} ${a.reason}.`,
      hint:
        `Kafka would reject this name. ${namingRules} Clear the field to let Kafka generate a ` +
        'name.',
    }),
  ),
  'name/duplicate': entry<{ name: string; first: string; second: string }>('error', (a) => ({
    message: `${a.first} and ${a.second} are both named "${a.name}".`,
    hint:
      'Processor names must be unique in a topology: rename one, or clear it to let Kafka ' +
      'generate one.',
  })),
  'store/duplicate-name': entry<{ store: string; first: string; second: string }>('error', (a) => ({
    message: `${a.first} and ${a.second} both use the store name "${a.store}".`,
    hint: 'Store names must be unique in a topology (they also name changelog topics): rename one.',
  })),
  'function/unwritten': entry<{ node: string; param: string }>('warning', (a) => ({
    message:
      `The ${a.param} of ${a.node} is not written yet: the design was imported from describe() ` +
      'output, which names the operation but not its code. It throws if a record reaches it.',
    hint: 'Write the function in the properties panel (an expression or JavaScript).',
  })),
  'function/empty': entry<{ node: string; param: string; lang: 'expression' | 'code' }>(
    'error',
    (a) => ({
      message: `The ${a.param} of ${a.node} is empty.`,
      hint:
        a.lang === 'expression'
          ? 'Write an expression over key and value, e.g. `value.amount > 100`.'
          : 'Write a JavaScript function, e.g. `(key, value) => value.amount > 100`.',
    }),
  ),
  'function/code-required': entry<{ node: string; param: string }>('error', (a) => ({
    message:
      `The ${a.param} of ${a.node} is an expression, but a custom processor must be ` +
      'JavaScript code.',
    hint:
      'Switch the param to code and write a processor supplier: `() => ({ process(record) { … ' +
      '} })`.',
  })),
  'expression/syntax': entry<{ node: string; param: string; message: string; column: number }>(
    'error',
    (a) => ({
      message: `The ${a.param} of ${a.node} does not parse: ${a.message} (column ${a.column}).`,
      hint:
        `Fix the expression at column ${a.column}. Expressions offer field access, comparison, ` +
        'arithmetic and string functions; switch to code for anything else.',
    }),
  ),
  'expression/unknown-variable': entry<{
    node: string
    param: string
    message: string
    column: number
    variables: string
  }>('error', (a) => ({
    message: `The ${a.param} of ${a.node} reads a variable it does not have: ${a.message} (column ${a.column}).`,
    hint: `This expression can read ${a.variables === '' ? 'no variables' : a.variables}.`,
  })),
  'serde/mismatch': entry<SerdeMismatch>('error', (a) => ({
    message:
      `${a.node} writes ${a.side}s with the ${a.declared} serde, but its records carry ` +
      `${a.carried} ${a.side}s: every record would fail to serialize.`,
    hint: a.carried.includes('Windowed(')
      ? 'Windowed keys need a windowed serde: map the key to a plain value first (e.g. ' +
        '`key.windowKey`), or remove the key serde to write the windowed key as it is.'
      : `Remove the ${a.side} serde so the sink writes with ${a.carried}, or convert the ` +
        `${a.side} first (e.g. mapValues with \`toString(value)\`).`,
  })),
  'serde/possible-mismatch': entry<SerdeMismatch>('warning', (a) => ({
    message:
      `${a.node} writes ${a.side}s with the ${a.declared} serde, but its records carry ` +
      `${a.carried} ${a.side}s: records whose ${a.side} is not a ${a.declared} would fail.`,
    hint: `Remove the ${a.side} serde to write with ${a.carried}, or convert the ${a.side} first.`,
  })),
  'lint/unnamed-state': entry<{ node: string; store: string }>('info', (a) => ({
    message:
      `${a.node} keeps its state in "${a.store}", a name Kafka Streams generates from the ` +
      'operator’s position in the topology.',
    hint:
      'Name the store. Adding or removing an operator upstream changes a generated name, and ' +
      'with it the changelog and repartition topics, so a redeployed application would start ' +
      'from empty state.',
  })),
  'lint/needless-repartition': entry<{ node: string; instead: 'groupByKey' | 'mapValues' }>(
    'warning',
    (a) => ({
      message:
        `${a.node} keeps the key (its key expression is \`key\`), yet it makes Kafka Streams ` +
        'repartition the records through a topic.',
      hint:
        a.instead === 'groupByKey'
          ? 'Use groupByKey: it groups by the current key without a repartition topic.'
          : 'Use mapValues: it keeps the key and the partitioning, so nothing downstream ' +
            'repartitions.',
    }),
  ),
  'lint/unbounded-suppress': entry<{ node: string }>('warning', (a) => ({
    message:
      `${a.node} buffers records without a limit: with many keys or long windows the buffer ` +
      'grows until the instance runs out of memory.',
    hint: 'Set maxBytes or maxRecords, and what to do when the buffer is full.',
  })),
  'lint/no-grace': entry<{ node: string }>('warning', (a) => ({
    message:
      `${a.node} has no grace period: a record that arrives after its window has ended is ` +
      'dropped, and records are rarely in order across partitions or after a repartition.',
    hint: 'Set graceMs to how late records may arrive and still count.',
  })),
  'join/not-copartitioned': entry<{ node: string; cluster: string; topics: string }>(
    'error',
    (a) => ({
      message:
        `${a.node} reads topics that are not co-partitioned on ${a.cluster}: ${a.topics}. ` +
        'Kafka Streams refuses to start an application whose co-partitioned inputs differ in ' +
        'partition count.',
      hint:
        'Give the topics the same number of partitions, or repartition one side with ' +
        'numberOfPartitions set to that of the other.',
    }),
  ),
  'join/repartitioned-input': entry<{
    node: string
    topic: string
    partitions?: number
    like?: string
  }>('info', (a) => ({
    message:
      `An input of ${a.node} is re-keyed upstream, so Kafka Streams repartitions it through ` +
      `${a.topic} first: every record takes an extra topic and a hop` +
      (a.partitions === undefined
        ? '.'
        : `. The topic gets ${a.partitions} partition${a.partitions === 1 ? '' : 's'}, as ${a.like}.`),
    hint:
      'Keep the key where you can (mapValues instead of map, no selectKey), or key the input ' +
      'topic by the join key when it is produced.',
  })),
  'join/copartitioning-unchecked': entry<{ node: string; cluster: string; missing: string[] }>(
    'warning',
    (a) => ({
      message:
        `Cannot check that the inputs of ${a.node} are co-partitioned: ` +
        `${a.missing.join(', ')} ${a.missing.length === 1 ? 'is' : 'are'} not on ${a.cluster}.`,
      hint:
        `Create ${a.missing.length === 1 ? 'it' : 'them'} with as many partitions as the ` +
        "join's other inputs before the application starts.",
    }),
  ),
} as const

/** The stable codes `validateGraph` reports. */
export type DiagnosticCode = keyof typeof catalogue

/** Every diagnostic code with its fixed severity. */
export const DIAGNOSTIC_SEVERITY_BY_CODE = Object.fromEntries(
  Object.entries(catalogue).map(([code, value]) => [code, value.severity]),
) as Readonly<Record<DiagnosticCode, DiagnosticSeverity>>

type ArgsOf<C extends DiagnosticCode> =
  (typeof catalogue)[C] extends DiagnosticEntry<infer A> ? A : never

/** Where a diagnostic points: a node or edge, and optionally a param and a column inside it. */
export interface DiagnosticPlace {
  nodeId?: string | undefined
  edgeId?: string | undefined
  param?: string | undefined
  line?: number | undefined
  column?: number | undefined
}

/** Builds a diagnostic from its catalogue entry. */
export function createDiagnostic<C extends DiagnosticCode>(
  code: C,
  args: ArgsOf<C>,
  place: DiagnosticPlace = {},
): Diagnostic {
  const entry = catalogue[code] as DiagnosticEntry<ArgsOf<C>>
  const { message, hint } = entry.text(args)
  const diagnostic: Diagnostic = { severity: entry.severity, code, message, hint }
  for (const key of ['nodeId', 'edgeId', 'param', 'line', 'column'] as const) {
    const value = place[key]
    if (value !== undefined) Object.assign(diagnostic, { [key]: value })
  }
  return diagnostic
}

function listShapes(shapes: readonly Shape[]): string {
  const names = shapes.map(shapeName)
  return names.length <= 1
    ? (names[0] ?? 'nothing')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
}

function wrongInputHint(kind: NodeKind, actual: Shape): string {
  if (kind === 'windowedBy' && actual === 'groupedTable') {
    return (
      'Windows apply to grouped streams, not grouped tables: group a stream (groupByKey, or ' +
      'groupBy on a stream) before windowedBy.'
    )
  }
  if (
    kind === 'windowedBy' &&
    (actual === 'windowedStream' || actual === 'sessionWindowedStream')
  ) {
    return 'The input is already windowed: remove one of the windowedBy nodes.'
  }
  const grouped = ['groupedStream', 'groupedTable', 'windowedStream', 'sessionWindowedStream']
  if (grouped.includes(actual)) {
    return (
      'A grouped input can only be aggregated (count, reduce, aggregate) or windowed ' +
      '(windowedBy); place this node before the grouping or after the aggregation.'
    )
  }
  const isTable = actual === 'table' || actual === 'windowedTable'
  switch (kind) {
    case 'count':
    case 'reduce':
    case 'aggregate':
      return isTable
        ? 'Group the table first with a groupBy node (it picks the new key).'
        : 'Group the stream first: insert groupByKey (or groupBy to pick a new key).'
    case 'windowedBy':
      return isTable
        ? 'Windows apply to grouped streams: start from a stream, then groupByKey or groupBy, ' +
            'then windowedBy.'
        : 'Insert groupByKey (or groupBy) before windowedBy.'
    case 'cogroup':
      return isTable
        ? 'Only grouped streams are cogrouped: start from a stream, then groupByKey or groupBy.'
        : 'Insert groupByKey (or groupBy) before each input of the cogroup.'
    case 'suppress':
      return (
        'suppress works on tables: place it after a count, reduce or aggregate (or a ' +
        'toTable), before toStream.'
      )
    case 'toStream':
      return 'The input already is a stream: remove toStream.'
    case 'toTable':
      return 'The input already is a table: remove toTable.'
    case 'groupByKey':
      return (
        'A table is regrouped with groupBy, which picks the new key; use groupBy, or toStream ' +
        'first.'
      )
    case 'sink':
      return 'Insert a toStream node before the sink: a table is written as its stream of updates.'
    case 'merge':
      return 'Only streams can be merged: convert each table with toStream first.'
    default:
      return isTable
        ? 'This operation only exists on streams: convert the table with toStream first.'
        : 'Connect an input of the type this operation accepts.'
  }
}
