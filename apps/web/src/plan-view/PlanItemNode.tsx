import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { subtopologyColor } from '../designer/subtopology-colors'
import type { PlanFlowNode } from './plan-flow'

const KIND_TITLES = {
  source: 'Source',
  processor: 'Processor',
  sink: 'Sink',
  store: 'State store',
} as const

/** A topic, processor node or store of the physical plan, named as describe() names it. */
export const PlanItemNode = memo(function PlanItemNode({ data }: NodeProps<PlanFlowNode>) {
  const { item, designNode, highlighted } = data
  if (item.kind === 'subtopology') return null
  const classes = [`plan-item`, `plan-item--${item.kind}`]
  if (highlighted) classes.push('plan-item--highlighted')
  if (item.kind === 'topic' && item.internal !== null) classes.push('plan-item--internal')
  const caption =
    item.kind === 'topic'
      ? item.internal === null
        ? 'Topic'
        : `${item.internal === 'repartition' ? 'Repartition' : 'Changelog'} topic`
      : KIND_TITLES[item.kind]
  return (
    <div
      className={classes.join(' ')}
      data-testid={`plan-${item.id}`}
      title={
        item.kind === 'store' && item.changelogTopic !== null
          ? `Changelog topic ${item.changelogTopic}`
          : undefined
      }
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="plan-item__caption">
        {caption}
        {designNode !== null && <span className="plan-item__origin"> · {designNode}</span>}
      </div>
      <div className="plan-item__name">{item.name}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  )
})

/** The box behind a sub-topology's nodes, coloured as on the design canvas. */
export const SubtopologyNode = memo(function SubtopologyNode({ data }: NodeProps<PlanFlowNode>) {
  const { item } = data
  if (item.kind !== 'subtopology') return null
  const color = subtopologyColor(item.number)
  return (
    <div
      className="plan-subtopology"
      data-testid={`plan-subtopology-${item.number}`}
      style={{ borderColor: color, background: subtopologyColor(item.number, 0.07) }}
    >
      <span className="plan-subtopology__title" style={{ background: color }}>
        {item.global ? 'Global sub-topology' : 'Sub-topology'} {item.number}
      </span>
    </div>
  )
})
