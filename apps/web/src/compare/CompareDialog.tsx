import { diffDesigns, upgradeReport } from '@topology-studio/engine'
import type { DesignSummary, TopologyGraph } from '@topology-studio/shared'
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react'
import { useEffect, useMemo, useState } from 'react'
import type { DesignsApi } from '../api/designs'
import { Dialog } from '../shell/Dialog'
import { diffFlow } from './diff-flow'
import { DiffNode } from './DiffNode'
import { findingText } from './finding-text'

const NODE_TYPES = { diff: DiffNode }

// Choices for either side: the edit in progress, its saved file, or any stored design.
const CURRENT = '\u0000current'
const SAVED = '\u0000saved'

export interface CompareDialogProps {
  api: DesignsApi
  current: TopologyGraph
  saved: TopologyGraph | null
  onClose: () => void
}

/**
 * Two versions of a design: the upgrade-safety report (what redeploying the second over the
 * first does to stores, changelog and repartition topics and serdes) and a visual diff.
 */
export function CompareDialog({ api, current, saved, onClose }: CompareDialogProps) {
  const [designs, setDesigns] = useState<DesignSummary[]>([])
  const [stored, setStored] = useState<ReadonlyMap<string, TopologyGraph>>(new Map())
  const [beforeId, setBeforeId] = useState(saved === null ? '' : SAVED)
  const [afterId, setAfterId] = useState(CURRENT)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    api.list().then(setDesigns, (error: Error) => setProblem(error.message))
  }, [api])

  // Stored designs are fetched when picked.
  useEffect(() => {
    for (const id of [beforeId, afterId]) {
      if (id === '' || id === CURRENT || id === SAVED || stored.has(id)) continue
      api.get(id).then(
        (record) => setStored((map) => new Map(map).set(id, record.design)),
        (error: Error) => setProblem(error.message),
      )
    }
  }, [api, beforeId, afterId, stored])

  const resolve = (id: string): TopologyGraph | null =>
    id === CURRENT ? current : id === SAVED ? saved : (stored.get(id) ?? null)
  const before = resolve(beforeId)
  const after = resolve(afterId)
  const report = useMemo(
    () => (before === null || after === null ? null : upgradeReport(before, after)),
    [before, after],
  )
  const flow = useMemo(
    () =>
      before === null || after === null
        ? null
        : diffFlow(before, after, diffDesigns(before, after)),
    [before, after],
  )

  const options = (includeCurrent: boolean) => (
    <>
      <option value="">Choose…</option>
      {includeCurrent && <option value={CURRENT}>The design being edited</option>}
      {saved !== null && <option value={SAVED}>Its saved version</option>}
      {designs.flatMap((d) =>
        d.ok ? [<option key={d.id} value={d.id}>{`${d.name} (${d.id}.json)`}</option>] : [],
      )}
    </>
  )

  return (
    <Dialog title="Compare designs" onClose={onClose} className="compare" closeLabel="Close">
      <div className="compare__pick">
        <label>
          Running now{' '}
          <select
            aria-label="Before"
            value={beforeId}
            onChange={(e) => setBeforeId(e.target.value)}
          >
            {options(true)}
          </select>
        </label>
        <span aria-hidden="true">→</span>
        <label>
          To deploy{' '}
          <select aria-label="After" value={afterId} onChange={(e) => setAfterId(e.target.value)}>
            {options(true)}
          </select>
        </label>
      </div>
      {problem !== null && <p role="alert">{problem}</p>}
      {report === null || flow === null ? (
        <p className="dialog__help">Choose the two versions to compare.</p>
      ) : (
        <>
          <section
            className={`upgrade upgrade--${report.losesState ? 'lossy' : report.findings?.length === 0 ? 'safe' : 'notice'}`}
            aria-label="Upgrade safety"
          >
            <p className="upgrade__verdict" data-testid="upgrade-verdict">
              {report.verdict}
            </p>
            {report.findings !== null && report.findings.length > 0 && (
              <ul>
                {report.findings.map((finding, index) => (
                  <li key={index}>{findingText(finding)}</li>
                ))}
              </ul>
            )}
          </section>
          <div className="compare__canvas" data-testid="design-diff">
            <ReactFlowProvider>
              <ReactFlow
                nodes={flow.nodes}
                edges={flow.edges}
                nodeTypes={NODE_TYPES}
                nodesDraggable={false}
                nodesConnectable={false}
                fitView
                minZoom={0.05}
              >
                <Background gap={20} />
                <Controls showInteractive={false} />
              </ReactFlow>
            </ReactFlowProvider>
          </div>
        </>
      )}
    </Dialog>
  )
}
