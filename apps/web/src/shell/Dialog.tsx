import { useEffect, useId, type ReactNode } from 'react'

export interface DialogProps {
  title: string
  onClose: () => void
  className?: string
  /** Adds a footer with one button that closes the dialog, labelled with this text. */
  closeLabel?: string
  children: ReactNode
}

/** A modal dialog over a dimmed page, titled for screen readers; Escape closes it. */
export function Dialog({ title, onClose, className, closeLabel, children }: DialogProps) {
  const titleId = useId()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="dialog-backdrop">
      <div
        className={className === undefined ? 'dialog' : `dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {closeLabel !== undefined && (
          <div className="dialog__actions">
            <button type="button" onClick={onClose}>
              {closeLabel}
            </button>
          </div>
        )}
      </div>
    </div>
  )
}
