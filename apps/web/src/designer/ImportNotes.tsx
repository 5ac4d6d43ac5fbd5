export interface ImportNotesProps {
  /** What the import had to assume, one sentence each. */
  notes: readonly string[]
  onDismiss: () => void
}

/**
 * Shown over the canvas after a describe() text opens as a design: what the text did not say.
 * The functions it does not show are stand-in code, listed in Problems until written.
 */
export function ImportNotes({ notes, onDismiss }: ImportNotesProps) {
  return (
    <div className="import-notes" role="note" data-testid="import-notes">
      <p>
        Opened from describe() output: it prints the same text as the application. The text does not
        show the code of its functions; each is stand-in code, listed in Problems until you write
        it.
        {notes.length > 0 && ' It also does not say:'}
      </p>
      {notes.length > 0 && (
        <ul>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
