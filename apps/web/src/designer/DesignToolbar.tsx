import type { TopologyGraph } from '@topology-studio/shared'
import { useCallback, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { ApiRequestError, type DesignsApi } from '../api/designs'
import { designFileName, designFileText } from '../design/design-file'
import { download } from '../shell/download'
import { isDirty, type DesignStore } from '../design/design-store'
import { CompareDialog } from '../compare/CompareDialog'
import { DesignsDialog } from './DesignsDialog'
import { mayDiscard, showDesign } from './open-design'
import { shortcutFor } from './shortcuts'

export interface DesignToolbarProps {
  design: DesignStore
  api: DesignsApi
}

const DESIGN_PATH = /^\/designs\/([^/]+)$/
const AUTOSAVE_KEY = 'topology-studio.autosave'
/** Autosave waits this long after the last edit, so a burst of edits is one write. */
const AUTOSAVE_DELAY_MS = 1_500

/**
 * The design's name, whether it has unsaved changes, Save (Ctrl+S), autosave, Compare, and the
 * Designs dialog (new, examples, open, duplicate, delete, open or download a JSON file). The
 * address shows the open design (`/designs/<id>`), so a reload reopens it.
 */
export function DesignToolbar({ design, api }: DesignToolbarProps) {
  const name = useStore(design, (s) => s.graph.name)
  const graph = useStore(design, (s) => s.graph)
  const openId = useStore(design, (s) => s.saved?.id ?? null)
  const dirty = useStore(design, isDirty)
  const [message, setMessage] = useState<string | null>(null)
  const [browsing, setBrowsing] = useState(false)
  const [comparing, setComparing] = useState(false)
  const savedGraph = useStore(design, (s) => s.saved?.graph ?? null)
  const [autosave, setAutosave] = useState(() => localStorage.getItem(AUTOSAVE_KEY) === 'on')

  const mayDiscardEdits = useCallback(() => mayDiscard(design), [design])

  const open = useCallback(
    async (id: string) => {
      try {
        const record = await api.get(id)
        design
          .getState()
          .load(record.design, { id, revision: record.revision, graph: record.design })
        showDesign(id)
        setMessage(null)
      } catch (error) {
        setMessage((error as Error).message)
      }
    },
    [api, design],
  )

  const start = useCallback(
    (next: TopologyGraph) => {
      design.getState().load(next)
      showDesign(null)
      setMessage(null)
    },
    [design],
  )

  const save = useCallback(async () => {
    const { graph, saved } = design.getState()
    try {
      const record =
        saved === null ? await api.create(graph) : await api.update(saved.id, saved.revision, graph)
      design.getState().markSaved({ id: record.id, revision: record.revision, graph })
      showDesign(record.id)
      setMessage(null)
    } catch (error) {
      setMessage(
        error instanceof ApiRequestError && error.code === 'stale_revision'
          ? 'The file changed since it was opened (by hand or in another tab): open it again to see it, then redo your change.'
          : (error as Error).message,
      )
    }
  }, [api, design])

  const downloadJson = useCallback(() => {
    const { graph } = design.getState()
    download(designFileName(graph), { text: designFileText(graph), type: 'application/json' })
  }, [design])

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
      if (shortcutFor(event) === 'save') {
        event.preventDefault()
        void save()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [save])

  // Autosave only updates a design already stored: the first save picks its file name.
  useEffect(() => {
    if (!autosave || !dirty || openId === null) return
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [autosave, dirty, openId, graph, save])

  // The browser's own prompt when closing or reloading with unsaved edits.
  useEffect(() => {
    if (!dirty) return
    const onLeave = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', onLeave)
    return () => window.removeEventListener('beforeunload', onLeave)
  }, [dirty])

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
      <button type="button" onClick={() => void save()} title="Save to the server (Ctrl+S)">
        Save
      </button>
      <label className="toolbar__option" title="Save stored designs a moment after each edit">
        <input
          type="checkbox"
          checked={autosave}
          onChange={(event) => {
            setAutosave(event.target.checked)
            localStorage.setItem(AUTOSAVE_KEY, event.target.checked ? 'on' : 'off')
          }}
        />{' '}
        Autosave
      </label>
      <button type="button" onClick={() => setBrowsing(true)}>
        Designs…
      </button>
      <button type="button" onClick={() => setComparing(true)} title="Diff and upgrade safety">
        Compare…
      </button>
      {message !== null && (
        <span className="toolbar__message" role="alert">
          {message}
        </span>
      )}
      {comparing && (
        <CompareDialog
          api={api}
          current={graph}
          saved={savedGraph}
          onClose={() => setComparing(false)}
        />
      )}
      {browsing && (
        <DesignsDialog
          api={api}
          openId={openId}
          onClose={() => setBrowsing(false)}
          onOpen={(id) => {
            if (!mayDiscardEdits()) return
            setBrowsing(false)
            void open(id)
          }}
          onStart={(next) => {
            if (!mayDiscardEdits()) return
            setBrowsing(false)
            start(next)
          }}
          onDownload={downloadJson}
          onDeleted={() => {
            design.getState().forgetSaved()
            showDesign(null)
          }}
        />
      )}
    </div>
  )
}
