import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import type { DiffFlowNode } from './diff-flow'

/** A design node in the diff, marked added, removed, changed or unchanged. */
export const DiffNode = memo(function DiffNode({ data }: NodeProps<DiffFlowNode>) {
  const { node, change } = data
  return (
    <div
      className={`diff-node diff-node--${change}`}
      data-testid={`diff-${node.id}`}
      data-change={change}
      title={change}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="diff-node__kind">{node.kind}</div>
      <div className="diff-node__label">{node.label ?? node.id}</div>
      {change !== 'unchanged' && <div className="diff-node__change">{change}</div>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
})
