import type { PhysicalPlan, TopologyGraph } from '@topology-studio/shared'
import { useMemo, useState } from 'react'
import { isOptimized, optimizationEffect } from '../compare/optimization-effect'

export interface DescribePanelProps {
  graph: TopologyGraph
  plan: PhysicalPlan | null
  errors: number
  /** Sets or clears `topology.optimization` in the design (an undoable edit). */
  onOptimize: (enabled: boolean) => void
}

/**
 * The text Kafka Streams' `describe()` prints for the design, the `topology.optimization`
 * switch, and on request what optimizing changes, as a line diff of the two texts.
 */
export function DescribePanel({ graph, plan, errors, onOptimize }: DescribePanelProps) {
  const [comparing, setComparing] = useState(false)
  const optimized = isOptimized(graph)
  // Planning twice costs as much as an edit: only while the comparison is shown.
  const effect = useMemo(() => (comparing ? optimizationEffect(graph) : null), [comparing, graph])
  return (
    <div className="describe-panel">
      <div className="describe-panel__options">
        <label>
          <input
            type="checkbox"
            checked={optimized}
            onChange={(event) => onOptimize(event.target.checked)}
          />{' '}
          <code>topology.optimization = all</code>
        </label>
        <label>
          <input
            type="checkbox"
            checked={comparing}
            onChange={(event) => setComparing(event.target.checked)}
          />{' '}
          Show what optimization changes
        </label>
      </div>
      {comparing && effect === null && (
        <p className="describe-panel__effect">
          The design has errors: fix them to compare the plans.
        </p>
      )}
      {comparing && effect !== null && (
        <div className="describe-panel__effect" data-testid="optimization-effect">
          <p>
            {effect.changes.length === 0
              ? 'Optimization changes nothing in this design.'
              : `With optimization: ${effect.changes.join('; ')}.`}
          </p>
          <pre
            className="describe describe--diff"
            aria-label="describe() without and with optimization"
          >
            {effect.diff.map((line, index) => (
              <span key={index} className={`diff-line diff-line--${line.kind}`}>
                {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </div>
      )}
      {!comparing && (
        <pre className="describe" data-testid="describe">
          {plan?.describe ??
            `The design has ${errors} error${errors === 1 ? '' : 's'}: fix them to see the topology.`}
        </pre>
      )}
    </div>
  )
}
