import { useEffect, useMemo, useRef, useState } from 'react'
import { Dialog } from '../shell/Dialog'
import { findPaletteItems, type PaletteItem } from './palette'

export interface QuickAddProps {
  /** The node the new one will follow, named for the title, if one is selected. */
  after: string | null
  /** Why an item cannot follow the selected node, or null when it can. */
  problemOf: (item: PaletteItem) => string | null
  onPick: (item: PaletteItem) => void
  onClose: () => void
}

/**
 * The keyboard way to add an operation: type to filter, arrows to choose, Enter to add. With a
 * node selected, operations that cannot take its output are listed last, greyed, with why.
 */
export function QuickAdd({ after, problemOf, onPick, onClose }: QuickAddProps) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const field = useRef<HTMLInputElement>(null)
  useEffect(() => field.current?.focus(), [])

  const items = useMemo(() => {
    const found = findPaletteItems(query).map((item) => ({ item, problem: problemOf(item) }))
    return [...found.filter((f) => f.problem === null), ...found.filter((f) => f.problem !== null)]
  }, [query, problemOf])
  const choosable = items.filter((f) => f.problem === null)
  const current = choosable[Math.min(active, choosable.length - 1)]?.item

  return (
    <Dialog
      title={after === null ? 'Add an operation' : `Add after ${after}`}
      onClose={onClose}
      className="quick-add"
    >
      <input
        ref={field}
        type="search"
        aria-label="Operation"
        placeholder="count, join, tumbling window…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, choosable.length - 1))
          else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
          else if (event.key === 'Enter' && current !== undefined) onPick(current)
          else return
          event.preventDefault()
        }}
      />
      <ul className="quick-add__list" role="listbox" aria-label="Operations">
        {items.map(({ item, problem }) => (
          <li
            key={item.id}
            role="option"
            aria-selected={item === current}
            aria-disabled={problem !== null}
            title={problem ?? item.hint}
            className={problem === null ? undefined : 'quick-add__refused'}
            onMouseDown={(event) => {
              event.preventDefault()
              if (problem === null) onPick(item)
            }}
          >
            <strong>{item.label}</strong> <span>{problem ?? item.hint}</span>
          </li>
        ))}
        {items.length === 0 && <li className="quick-add__none">No operation matches.</li>}
      </ul>
    </Dialog>
  )
}
