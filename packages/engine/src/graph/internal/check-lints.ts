import type {
  Diagnostic,
  DiagnosticFix,
  FunctionParam,
  GraphNode,
  GraphNodeOfKind,
} from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { nodeLabel } from './node-label'

// Designs that work but will hurt in production, each with the change that avoids it.

/** The default buffer limit a fix proposes: 10 MiB. */
const SUPPRESS_MAX_BYTES = 10 * 1024 * 1024
/** The grace a fix proposes: the window's own length, at most a minute. */
const GRACE_CAP_MS = 60_000

export function checkLints({ index }: CheckContext): Diagnostic[] {
  return index.nodeList.flatMap((node) => {
    const found = lint(node)
    return found === null ? [] : [found]
  })
}

function lint(node: GraphNode): Diagnostic | null {
  const label = nodeLabel(node)
  switch (node.kind) {
    case 'groupBy':
      return returnsKey(node.params.keySelector) && node.params.valueSelector === undefined
        ? needlessRepartition(node, 'keySelector', 'groupByKey', {})
        : null
    case 'map':
      return returnsKey(node.params.key)
        ? needlessRepartition(node, 'key', 'mapValues', { mapper: node.params.value })
        : null
    case 'suppress': {
      const p = node.params
      if (p.maxBytes !== undefined || p.maxRecords !== undefined) return null
      return withFix(
        createDiagnostic('lint/unbounded-suppress', { node: label }, { nodeId: node.id }),
        {
          title: 'Limit the buffer to 10 MiB',
          nodeId: node.id,
          params: {
            maxBytes: SUPPRESS_MAX_BYTES,
            // A bounded untilWindowCloses buffer must stop rather than emit early.
            whenFull: p.mode === 'untilWindowCloses' ? 'shutDown' : 'emitEarly',
          },
        },
      )
    }
    case 'windowedBy': {
      const window = node.params.window
      if ((window.graceMs ?? 0) > 0) return null
      const length =
        window.type === 'session'
          ? window.inactivityGapMs
          : window.type === 'sliding'
            ? window.timeDifferenceMs
            : window.sizeMs
      const grace = Math.max(1, Math.min(length, GRACE_CAP_MS))
      return withFix(
        createDiagnostic(
          'lint/no-grace',
          { node: label },
          { nodeId: node.id, param: 'window.graceMs' },
        ),
        {
          title: `Allow ${grace} ms of lateness`,
          nodeId: node.id,
          params: { window: { ...window, graceMs: grace } },
        },
      )
    }
    default:
      return null
  }
}

/** The operation that does the same without a repartition, keeping the node's name. */
function needlessRepartition(
  node: GraphNodeOfKind<'groupBy' | 'map'>,
  param: string,
  instead: 'groupByKey' | 'mapValues',
  params: Record<string, unknown>,
): Diagnostic {
  const diagnostic = createDiagnostic(
    'lint/needless-repartition',
    { node: nodeLabel(node), instead },
    { nodeId: node.id, param },
  )
  const name = node.params.name === undefined ? {} : { name: node.params.name }
  return withFix(diagnostic, {
    title: `Use ${instead}`,
    nodeId: node.id,
    kind: instead,
    params: { ...params, ...name },
  })
}

function withFix(diagnostic: Diagnostic, fix: DiagnosticFix): Diagnostic {
  return { ...diagnostic, fix }
}

function returnsKey(param: FunctionParam): boolean {
  return param.lang === 'expression' && param.source.trim() === 'key'
}
