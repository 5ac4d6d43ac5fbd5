import { assertNever, type Diagnostic, type Window } from '@topology-studio/shared'
import { createDiagnostic, type ParamRule, type ParamSituation } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { nodeLabel } from './node-label'

type Bound = 'positive' | 'non-negative' | 'at-least-one'

/**
 * Checks numeric params against the ranges Kafka's builders enforce (`TimeWindows`,
 * `SessionWindows`, `JoinWindows`, `Suppressed.BufferConfig`, `Repartitioned`, `Stores`), and
 * the option combinations those builders reject or ignore.
 */
export function checkParams({ index }: CheckContext): Diagnostic[] {
  return index.nodeList.flatMap((node) => {
    const found: Diagnostic[] = []
    const label = nodeLabel(node)
    const place = (param: string) => ({ nodeId: node.id, param })
    const number = (param: string, value: number | undefined, bound: Bound): boolean => {
      if (value === undefined) return true
      const rule = numberProblem(value, bound)
      if (rule === undefined) return true
      found.push(
        createDiagnostic('param/invalid', { node: label, param, value, rule }, place(param)),
      )
      return false
    }
    const invalid = (param: string, value: unknown, rule: ParamRule) =>
      found.push(
        createDiagnostic('param/invalid', { node: label, param, value, rule }, place(param)),
      )
    const situation = (
      code: 'param/missing' | 'param/ignored',
      param: string,
      why: ParamSituation,
    ) => found.push(createDiagnostic(code, { node: label, param, situation: why }, place(param)))

    const checkWindow = (window: Window) => {
      number('window.graceMs', window.graceMs, 'non-negative')
      switch (window.type) {
        case 'tumbling':
          number('window.sizeMs', window.sizeMs, 'positive')
          break
        case 'hopping': {
          const sizeOk = number('window.sizeMs', window.sizeMs, 'positive')
          const advanceOk = number('window.advanceMs', window.advanceMs, 'positive')
          if (sizeOk && advanceOk && window.advanceMs > window.sizeMs) {
            invalid('window.advanceMs', window.advanceMs, 'advance-within-size')
          }
          break
        }
        case 'sliding':
          number('window.timeDifferenceMs', window.timeDifferenceMs, 'positive')
          break
        case 'session':
          number('window.inactivityGapMs', window.inactivityGapMs, 'positive')
          break
        default:
          assertNever(window)
      }
    }

    switch (node.kind) {
      case 'windowedBy':
        checkWindow(node.params.window)
        break
      case 'cogroup': {
        const { window, merger } = node.params
        if (window !== undefined) checkWindow(window)
        if (window?.type === 'session' && merger === undefined) {
          situation('param/missing', 'merger', 'merger-session')
        }
        if (window?.type !== 'session' && merger !== undefined) {
          found.push(
            createDiagnostic(
              'param/not-allowed',
              { node: label, param: 'merger', situation: 'merger-not-session' },
              place('merger'),
            ),
          )
        }
        const ids = node.params.inputs.map((input) => input.id)
        ids.forEach((id, position) => {
          if (ids.indexOf(id) !== position) invalid(`inputs[${position}].id`, id, 'unique')
        })
        break
      }
      case 'join': {
        const { window } = node.params
        if (!window) break
        number('window.beforeMs', window.beforeMs, 'non-negative')
        number('window.afterMs', window.afterMs, 'non-negative')
        number('window.graceMs', window.graceMs, 'non-negative')
        break
      }
      case 'suppress': {
        const { params } = node
        if (params.mode === 'untilTimeLimit') {
          number('timeLimitMs', params.timeLimitMs, 'non-negative')
        }
        number('maxRecords', params.maxRecords, 'at-least-one')
        number('maxBytes', params.maxBytes, 'at-least-one')
        const bounded = params.maxRecords !== undefined || params.maxBytes !== undefined
        if (params.whenFull !== undefined && !bounded) {
          situation('param/ignored', 'whenFull', 'when-full-unbounded')
        } else if (
          params.mode === 'untilWindowCloses' &&
          bounded &&
          params.whenFull !== 'shutDown'
        ) {
          invalid('whenFull', params.whenFull ?? 'emitEarly (the default)', 'strict-buffer')
        }
        break
      }
      case 'repartition':
        number('numberOfPartitions', node.params.numberOfPartitions, 'at-least-one')
        break
      case 'process':
        node.params.stores.forEach((store, position) => {
          const at = (field: string) => `stores[${position}].${field}`
          const retentionOk = number(at('retentionMs'), store.retentionMs, 'non-negative')
          const sizeOk = number(at('windowSizeMs'), store.windowSizeMs, 'positive')
          if (store.type === 'keyValue') {
            if (store.retentionMs !== undefined) {
              situation('param/ignored', at('retentionMs'), 'store-key-value-timing')
            }
            if (store.windowSizeMs !== undefined) {
              situation('param/ignored', at('windowSizeMs'), 'store-key-value-timing')
            }
            return
          }
          if (store.retentionMs === undefined) {
            situation('param/missing', at('retentionMs'), 'store-retention')
          }
          if (store.type === 'window') {
            if (store.windowSizeMs === undefined) {
              situation('param/missing', at('windowSizeMs'), 'store-window-size')
            } else if (
              retentionOk &&
              sizeOk &&
              store.retentionMs !== undefined &&
              store.retentionMs < store.windowSizeMs
            ) {
              invalid(at('retentionMs'), store.retentionMs, 'retention-covers-window')
            }
          }
        })
        break
    }
    return found
  })
}

function numberProblem(value: number, bound: Bound): ParamRule | undefined {
  if (!Number.isInteger(value)) return 'integer'
  if (bound === 'positive' && value <= 0) return 'positive'
  if (bound === 'non-negative' && value < 0) return 'non-negative'
  if (bound === 'at-least-one' && value < 1) return 'at-least-one'
  return undefined
}
