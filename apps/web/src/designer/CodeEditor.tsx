import type { EditorView } from '@codemirror/view'
import { useEffect, useRef, useState } from 'react'

export interface CodeEditorProps {
  /** Shown first; later changes of the prop do not reset what is being typed. */
  initial: string
  label: string
  onChange: (source: string) => void
  onBlur: () => void
}

/**
 * JavaScript with highlighting, brackets, indentation and undo (CodeMirror 6, loaded on first
 * use). Until it has loaded, and if it cannot load, a plain text area does the job.
 */
export function CodeEditor({ initial, label, onChange, onBlur }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const [ready, setReady] = useState(false)
  // The latest callbacks, read by the editor's listeners without rebuilding the editor.
  const handlers = useRef({ onChange, onBlur })
  useEffect(() => {
    handlers.current = { onChange, onBlur }
  })

  useEffect(() => {
    let view: EditorView | null = null
    let cancelled = false
    void Promise.all([import('codemirror'), import('@codemirror/lang-javascript')]).then(
      ([{ basicSetup, EditorView: View }, { javascript }]) => {
        if (cancelled || host.current === null) return
        view = new View({
          doc: initial,
          parent: host.current,
          extensions: [
            basicSetup,
            javascript(),
            View.contentAttributes.of({ 'aria-label': label }),
            View.updateListener.of((update) => {
              if (update.docChanged) handlers.current.onChange(update.state.doc.toString())
            }),
            View.domEventHandlers({ blur: () => handlers.current.onBlur() }),
          ],
        })
        setReady(true)
      },
    )
    return () => {
      cancelled = true
      view?.destroy()
    }
    // The editor is made once per mounted field; `initial` seeds it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <div className="code-editor" data-testid={`code-${label}`}>
      <div ref={host} hidden={!ready} />
      {!ready && (
        <textarea
          className="field__code"
          aria-label={label}
          defaultValue={initial}
          spellCheck={false}
          rows={5}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      )}
    </div>
  )
}
