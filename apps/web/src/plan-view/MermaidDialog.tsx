import { useState } from 'react'
import { download } from '../shell/download'
import { Dialog } from '../shell/Dialog'

export interface MermaidDialogProps {
  text: string
  fileName: string
  onClose: () => void
}

/** The plan as Mermaid text, to copy into docs or download as a `.mmd` file. */
export function MermaidDialog({ text, fileName, onClose }: MermaidDialogProps) {
  const [copied, setCopied] = useState<string | null>(null)
  return (
    <Dialog title="Plan as Mermaid" onClose={onClose} className="mermaid" closeLabel="Close">
      <pre className="describe" data-testid="mermaid-text">
        {text}
      </pre>
      <div className="designs__files">
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(text).then(
              () => setCopied('Copied.'),
              () => setCopied('The browser refused the clipboard: select the text and copy it.'),
            )
          }
        >
          Copy
        </button>
        <button type="button" onClick={() => download(fileName, { text, type: 'text/plain' })}>
          Download {fileName}
        </button>
        {copied !== null && <span role="status">{copied}</span>}
      </div>
    </Dialog>
  )
}
