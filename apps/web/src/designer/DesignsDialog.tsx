import { EXAMPLE_DESIGNS, type DesignSummary, type TopologyGraph } from '@topology-studio/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DesignsApi } from '../api/designs'
import { blankDesign, parseDesignFile } from '../design/design-file'
import { Dialog } from '../shell/Dialog'

export interface DesignsDialogProps {
  api: DesignsApi
  /** The id of the stored design being edited, if any. */
  openId: string | null
  onOpen: (id: string) => void
  /** Starts editing a design that is not stored yet (blank, an example, or a file). */
  onStart: (graph: TopologyGraph) => void
  /** Told when the stored design being edited was deleted. */
  onDeleted: (id: string) => void
  /** Downloads the design being edited as a JSON file. */
  onDownload: () => void
  onClose: () => void
}

/**
 * Every way to get a design: new (blank or an example), a stored one on the server (open,
 * duplicate, delete), or a JSON file from disk.
 */
export function DesignsDialog(props: DesignsDialogProps) {
  const { api, openId, onOpen, onStart, onDeleted, onDownload, onClose } = props
  const [designs, setDesigns] = useState<DesignSummary[] | null>(null)
  const [problems, setProblems] = useState<readonly string[]>([])
  const fileInput = useRef<HTMLInputElement>(null)

  const refresh = useCallback(
    () => api.list().then(setDesigns, (error: Error) => setProblems([error.message])),
    [api],
  )
  useEffect(() => void refresh(), [refresh])

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action()
      setProblems([])
      await refresh()
    } catch (error) {
      setProblems([(error as Error).message])
    }
  }

  const readFile = async (file: File) => {
    const result = parseDesignFile(await file.text(), file.name)
    if (result.ok) onStart(result.graph)
    else setProblems(result.problems)
  }

  return (
    <Dialog title="Designs" onClose={onClose} className="designs" closeLabel="Close">
      <section aria-label="New design">
        <h3>New</h3>
        <div className="designs__new">
          <button type="button" onClick={() => onStart(blankDesign())}>
            <strong>Blank design</strong>
            <span>An empty canvas.</span>
          </button>
          {EXAMPLE_DESIGNS.map((example) => (
            <button key={example.id} type="button" onClick={() => onStart(example.design())}>
              <strong>{example.title}</strong>
              <span>{example.summary}</span>
            </button>
          ))}
        </div>
      </section>
      <section aria-label="Stored designs">
        <h3>On the server</h3>
        {designs === null ? (
          <p className="designs__none">Loading…</p>
        ) : designs.length === 0 ? (
          <p className="designs__none">No designs are stored yet: Save stores the open one.</p>
        ) : (
          <table className="designs__table">
            <thead>
              <tr>
                <th>Name</th>
                <th>File</th>
                <th>Nodes</th>
                <th>Changed</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {designs.map((d) => (
                <tr key={d.id} data-testid={`design-row-${d.id}`}>
                  <td>{d.ok ? d.name : <em title={d.error.message}>cannot be read</em>}</td>
                  <td>
                    <code>{d.id}.json</code>
                    {d.id === openId && <span className="designs__open"> (open)</span>}
                  </td>
                  <td>{d.ok ? d.nodeCount : ''}</td>
                  <td>{new Date(d.updatedAt).toLocaleString()}</td>
                  <td>
                    <div className="designs__actions">
                      <button type="button" disabled={!d.ok} onClick={() => onOpen(d.id)}>
                        Open
                      </button>
                      <button
                        type="button"
                        disabled={!d.ok}
                        onClick={() => void act(() => api.duplicate(d.id))}
                      >
                        Duplicate
                      </button>
                      <button
                        type="button"
                        onClick={() => {
                          if (
                            !window.confirm(
                              `Delete ${d.id}.json from the server? This cannot be undone.`,
                            )
                          )
                            return
                          void act(async () => {
                            await api.remove(d.id)
                            if (d.id === openId) onDeleted(d.id)
                          })
                        }}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="File">
        <h3>Files</h3>
        <div className="designs__files">
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open a JSON file…
          </button>
          <button type="button" onClick={onDownload}>
            Download this design as JSON
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Design file"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file !== undefined) void readFile(file)
          }}
        />
      </section>
      {problems.length > 0 && (
        <ul className="dialog__problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
