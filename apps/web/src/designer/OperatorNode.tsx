import { DEFAULT_BRANCH_PORT, type Diagnostic, type GraphNode } from '@topology-studio/shared'
import { shapeName, type Shape } from '@topology-studio/engine'
import { Handle, Position, useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react'
import { Fragment, memo, useEffect, useRef } from 'react'
import { givesOutput, takesInput } from './connection-rules'
import { NodeRunStats } from '../run/NodeRunStats'
import { useIsBottleneck, useNodeHeat, useOnPath } from '../run/run-context'
import { useHasBreakpoint } from '../simulator/simulation-context'
import { useReadableInView } from './readable-in-view'
import { nodeSummary } from './node-summary'
import { subtopologyColor } from './subtopology-colors'

export interface OperatorNodeData extends Record<string, unknown> {
  readonly node: GraphNode
  readonly shape: Shape
  readonly diagnostics: readonly Diagnostic[]
  readonly subtopology: number | null
  readonly stores: readonly string[]
  /** What Kafka Streams calls this node's processors, shown on hover. */
  readonly processors: readonly string[]
}

export type OperatorFlowNode = Node<OperatorNodeData, 'operator'>

const SHAPE_LABELS: Partial<Record<Shape, string>> = {
  stream: 'KStream',
  table: 'KTable',
  globalTable: 'GlobalKTable',
  groupedStream: 'KGroupedStream',
  groupedTable: 'KGroupedTable',
  windowedStream: 'TimeWindowedKStream',
  sessionWindowedStream: 'SessionWindowedKStream',
  windowedTable: 'KTable<Windowed>',
}

/** A design node on the canvas: its operation, key parameter, output type and problems. */
export const OperatorNode = memo(function OperatorNode({
  id,
  data,
  selected,
  positionAbsoluteX,
  positionAbsoluteY,
}: NodeProps<OperatorFlowNode>) {
  const { node, shape, diagnostics, subtopology, stores } = data
  const errors = diagnostics.filter((d) => d.severity === 'error')
  const warnings = diagnostics.filter((d) => d.severity === 'warning')
  const status = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'ok'
  const bottleneck = useIsBottleneck(node.id)
  const onPath = useOnPath(node.id)
  const breakpoint = useHasBreakpoint(node.id)
  // Zoomed out or off screen, a run shows only in the node's colours, not in its numbers.
  const heat = useNodeHeat(node.id)
  const readable = useReadableInView(positionAbsoluteX, positionAbsoluteY)
  const outputs =
    node.kind === 'split'
      ? [
          ...node.params.branches.map((b): { id: string | null; label: string } => ({
            id: b.id,
            label: b.name ?? b.id,
          })),
          ...(node.params.defaultBranch ? [{ id: DEFAULT_BRANCH_PORT, label: 'default' }] : []),
        ]
      : givesOutput(node.kind)
        ? [{ id: null, label: '' }]
        : []
  // React Flow reads handle positions when a node is measured; a node whose handles change
  // (cogroup inputs, split branches) at the same size must ask it to read them again. Not on
  // mount, when it measures anyway: asking for every node of a large design is slow.
  const updateNodeInternals = useUpdateNodeInternals()
  const handleIds = [
    ...(node.kind === 'cogroup' ? node.params.inputs.map((input) => input.id) : []),
    ...outputs.map((output) => output.id ?? ''),
  ].join('\u0000')
  const measuredHandles = useRef(handleIds)
  useEffect(() => {
    if (measuredHandles.current === handleIds) return
    measuredHandles.current = handleIds
    updateNodeInternals(id)
  }, [id, handleIds, updateNodeInternals])
  return (
    <div
      className={`operator operator--${status}${selected ? ' operator--selected' : ''}${bottleneck ? ' operator--bottleneck' : ''}${onPath ? ' operator--on-path' : ''}${heat === null ? '' : ` operator--${heat}`}`}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-status={status}
      data-on-path={onPath || undefined}
      title={diagnostics.map((d) => `${d.severity}: ${d.message}`).join('\n') || undefined}
    >
      {breakpoint && (
        <span
          className="operator__breakpoint"
          data-testid={`breakpoint-${node.id}`}
          title="Playing the simulation pauses when a record reaches this node"
        />
      )}
      {node.kind === 'join' ? (
        <>
          <Handle type="target" id="left" position={Position.Left} style={{ top: '35%' }} />
          <Handle type="target" id="right" position={Position.Left} style={{ top: '70%' }} />
          <span className="operator__port operator__port--left">L</span>
          <span className="operator__port operator__port--right">R</span>
        </>
      ) : node.kind === 'cogroup' ? (
        node.params.inputs.map((input, index, inputs) => {
          const top = `${((index + 1) / (inputs.length + 1)) * 100}%`
          return (
            <Fragment key={input.id}>
              <Handle type="target" id={input.id} position={Position.Left} style={{ top }} />
              <span
                className="operator__port operator__port--outside"
                style={{ top: `calc(${top} - 0.4rem)` }}
              >
                {input.id}
              </span>
            </Fragment>
          )
        })
      ) : (
        takesInput(node.kind) && <Handle type="target" position={Position.Left} />
      )}
      <div
        className="operator__kind"
        title={
          data.processors.length === 0
            ? undefined
            : `Kafka Streams nodes: ${data.processors.join(', ')}`
        }
      >
        {node.kind}
      </div>
      <div className="operator__label">{node.label ?? node.id}</div>
      <div className="operator__summary">{nodeSummary(node)}</div>
      <div className="operator__footer">
        <span className="operator__shape" title={shapeName(shape)}>
          {SHAPE_LABELS[shape] ?? ''}
        </span>
        {subtopology !== null && (
          <span
            className="operator__subtopology"
            style={{ background: subtopologyColor(subtopology) }}
            title={`Runs in sub-topology ${subtopology}`}
          >
            {subtopology}
          </span>
        )}
      </div>
      {stores.map((store) => (
        <div key={store} className="operator__store" title={`State store ${store}`}>
          {store}
        </div>
      ))}
      {(errors.length > 0 || warnings.length > 0) && (
        <div className="operator__badge" data-testid={`node-${node.id}-problems`}>
          {errors.length > 0 ? `${errors.length} error${errors.length === 1 ? '' : 's'}` : ''}
          {errors.length > 0 && warnings.length > 0 ? ', ' : ''}
          {warnings.length > 0
            ? `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`
            : ''}
        </div>
      )}
      {readable && <NodeRunStats nodeId={node.id} />}
      {outputs.map((output, index) => (
        <Handle
          key={output.id ?? 'out'}
          type="source"
          id={output.id}
          position={Position.Right}
          style={{ top: `${((index + 1) / (outputs.length + 1)) * 100}%` }}
          title={output.label || undefined}
        />
      ))}
    </div>
  )
})
