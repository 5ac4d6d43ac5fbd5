import type { Diagnostic, DiagnosticFix } from '@topology-studio/shared'

export interface ProblemsPanelProps {
  diagnostics: readonly Diagnostic[]
  /** Selects the node a problem is about; without it problems are only listed. */
  onSelect?: (nodeId: string) => void
  /** Applies a problem's fix; without it fixes are not offered. */
  onFix?: (fix: DiagnosticFix) => void
}

/**
 * Every diagnostic of the design; clicking one selects the node it is about, and lints offer
 * a one-click fix.
 */
export function ProblemsPanel({ diagnostics, onSelect, onFix }: ProblemsPanelProps) {
  if (diagnostics.length === 0) {
    return <p className="problems__empty">No problems.</p>
  }
  return (
    <ul className="problems" aria-label="Problems">
      {diagnostics.map((d, index) => (
        <li key={`${d.code}-${d.nodeId ?? ''}-${index}`}>
          <button
            type="button"
            className={`problem problem--${d.severity}`}
            disabled={d.nodeId === undefined || onSelect === undefined}
            onClick={() => d.nodeId !== undefined && onSelect?.(d.nodeId)}
          >
            <span className="problem__severity">
              {d.severity}
              {d.line === undefined ? '' : ` · line ${d.line}`}
            </span>
            <span className="problem__message">{d.message}</span>
            {d.hint !== undefined && <span className="problem__hint">{d.hint}</span>}
          </button>
          {d.fix !== undefined && onFix !== undefined && (
            <button type="button" className="problem__fix" onClick={() => d.fix && onFix(d.fix)}>
              Fix: {d.fix.title}
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
