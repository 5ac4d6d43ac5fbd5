import type { PhysicalPlan } from '@topology-studio/shared'
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  type NodeMouseHandler,
} from '@xyflow/react'
import { useEffect, useMemo, useState } from 'react'
import { layeredLayout, type PlacedBox } from '../layout/layered-layout'
import { planDiagram } from './plan-diagram'
import { logicalNodeOf, planFlowEdges, planFlowNodes, type PlanFlowNode } from './plan-flow'
import { PlanItemNode, SubtopologyNode } from './PlanItemNode'

const NODE_TYPES = { planItem: PlanItemNode, subtopology: SubtopologyNode }

export interface PlanViewProps {
  plan: PhysicalPlan
  /** Names a design node (`count "counts"`), or null for a plan with no design behind it. */
  designNodeName?: (id: string) => string | null
  /** Told which design node the pointer is over, so the design can show it too. */
  onHoverDesignNode?: (id: string | null) => void
}

const noDesign = () => null

/**
 * The physical plan drawn as Kafka Streams builds it: topics, sub-topologies around their
 * source, processor and sink nodes, and state stores, laid out top to bottom. Read-only.
 * Hovering a node highlights every node made from the same design node.
 */
export function PlanView(props: PlanViewProps) {
  return (
    <ReactFlowProvider>
      <PlanViewCanvas {...props} />
    </ReactFlowProvider>
  )
}

function PlanViewCanvas({ plan, designNodeName = noDesign, onHoverDesignNode }: PlanViewProps) {
  const diagram = useMemo(() => planDiagram(plan), [plan])
  const [layout, setLayout] = useState<{
    plan: PhysicalPlan
    placed: Map<string, PlacedBox>
  } | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [hovered, setHovered] = useState<PlanFlowNode | null>(null)

  useEffect(() => {
    let current = true
    // Top to bottom: describe() lists read downwards, and long processor names fit side by side.
    layeredLayout(diagram.boxes, diagram.links, 'DOWN').then(
      (placed) => current && setLayout({ plan, placed }),
      (error: Error) => current && setFailure(error.message),
    )
    return () => {
      current = false
    }
  }, [diagram, plan])

  const highlight = hovered === null ? null : logicalNodeOf(hovered.data.item)
  const nodes = useMemo(
    () =>
      layout === null || layout.plan !== plan
        ? null
        : planFlowNodes(diagram, layout.placed, designNodeName, highlight),
    [layout, plan, diagram, designNodeName, highlight],
  )
  const edges = useMemo(() => planFlowEdges(diagram), [diagram])

  const onEnter: NodeMouseHandler<PlanFlowNode> = (_, node) => {
    setHovered(node)
    onHoverDesignNode?.(logicalNodeOf(node.data.item))
  }
  const onLeave: NodeMouseHandler<PlanFlowNode> = () => {
    setHovered(null)
    onHoverDesignNode?.(null)
  }

  if (failure !== null) {
    return (
      <p className="plan-view__message" role="alert">
        The plan could not be laid out: {failure}
      </p>
    )
  }
  if (nodes === null) return <p className="plan-view__message">Laying out the plan…</p>
  return (
    <div className="plan-view" data-testid="plan-view">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeMouseEnter={onEnter}
        onNodeMouseLeave={onLeave}
        fitView
        minZoom={0.05}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable nodeColor="#94a3b8" nodeBorderRadius={0} />
        <Controls showInteractive={false} />
      </ReactFlow>
      <HoverCaption node={hovered} plan={plan} />
    </div>
  )
}

function HoverCaption({ node, plan }: { node: PlanFlowNode | null; plan: PhysicalPlan }) {
  if (node === null) return null
  const { item, designNode } = node.data
  const logical = logicalNodeOf(item)
  if (logical === null || designNode === null) return null
  const placement = plan.logicalNodes.find((p) => p.nodeId === logical)
  const others = placement?.physicalNodes ?? []
  return (
    <div className="plan-view__caption" data-testid="plan-hover">
      <strong>{designNode}</strong> becomes {others.length === 1 ? 'the node' : 'the nodes'}{' '}
      {others.join(', ')}
    </div>
  )
}
