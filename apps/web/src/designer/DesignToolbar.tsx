import type { DesignSummary } from '@topology-studio/shared'
import { useCallback, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { ApiRequestError, type DesignsApi } from '../api/designs'
import { isDirty, type DesignStore } from '../design/design-store'

export interface DesignToolbarProps {
  design: DesignStore
  api: DesignsApi
}

const DESIGN_PATH = /^\/designs\/([^/]+)$/

/**
 * The design's name, whether it has unsaved changes, Save (Ctrl+S) and Open. The address shows
 * the open design (`/designs/<id>`), so a reload reopens it.
 */
export function DesignToolbar({ design, api }: DesignToolbarProps) {
  const name = useStore(design, (s) => s.graph.name)
  const dirty = useStore(design, isDirty)
  const [designs, setDesigns] = useState<DesignSummary[] | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const open = useCallback(
    async (id: string) => {
      try {
        const record = await api.get(id)
        design
          .getState()
          .load(record.design, { id, revision: record.revision, graph: record.design })
        window.history.replaceState(null, '', `/designs/${encodeURIComponent(id)}`)
        setMessage(null)
      } catch (error) {
        setMessage((error as Error).message)
      }
    },
    [api, design],
  )

  const save = useCallback(async () => {
    const { graph, saved } = design.getState()
    try {
      const record =
        saved === null ? await api.create(graph) : await api.update(saved.id, saved.revision, graph)
      design.getState().markSaved({ id: record.id, revision: record.revision, graph })
      window.history.replaceState(null, '', `/designs/${encodeURIComponent(record.id)}`)
      setMessage(null)
    } catch (error) {
      setMessage(
        error instanceof ApiRequestError && error.code === 'stale_revision'
          ? 'The file changed since it was opened (by hand or in another tab): open it again to see it, then redo your change.'
          : (error as Error).message,
      )
    }
  }, [api, design])

  useEffect(() => {
    const id = DESIGN_PATH.exec(window.location.pathname)?.[1]
    if (id === undefined) return
    const decoded = decodeURIComponent(id)
    api.get(decoded).then(
      (record) =>
        design
          .getState()
          .load(record.design, { id: decoded, revision: record.revision, graph: record.design }),
      (error: Error) => setMessage(error.message),
    )
  }, [api, design])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault()
        void save()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [save])

  return (
    <div className="toolbar" role="toolbar" aria-label="Design">
      <input
        key={name}
        className="toolbar__name"
        aria-label="Design name"
        defaultValue={name}
        onBlur={(event) => {
          const next = event.target.value.trim()
          if (next !== '' && next !== name) design.getState().rename(next)
        }}
        onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
      />
      <span className="toolbar__state" data-testid="save-state">
        {dirty ? 'Unsaved changes' : 'Saved'}
      </span>
      <button type="button" onClick={() => void save()}>
        Save
      </button>
      <select
        aria-label="Open a design"
        value=""
        onFocus={() => void api.list().then(setDesigns, (e: Error) => setMessage(e.message))}
        onChange={(event) => event.target.value !== '' && void open(event.target.value)}
      >
        <option value="">Open…</option>
        {(designs ?? []).map((d) =>
          d.ok ? (
            <option key={d.id} value={d.id}>
              {d.name} ({d.id})
            </option>
          ) : (
            <option key={d.id} value={d.id} disabled title={d.error.message}>
              {d.id}: cannot be opened
            </option>
          ),
        )}
      </select>
      {message !== null && (
        <span className="toolbar__message" role="alert">
          {message}
        </span>
      )}
    </div>
  )
}
