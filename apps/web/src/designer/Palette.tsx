import { useState } from 'react'
import { findPaletteItems, PALETTE_GROUPS, type PaletteItem } from './palette'

export const PALETTE_MIME = 'application/x-topology-studio-palette-item'

export interface PaletteProps {
  /** Adds the item at the centre of the view (click or Enter). */
  onAdd: (item: PaletteItem) => void
}

/** Operations to drag onto the canvas, grouped, with a filter box. */
export function Palette({ onAdd }: PaletteProps) {
  const [filter, setFilter] = useState('')
  const found = new Set(findPaletteItems(filter))
  return (
    <aside className="palette" aria-label="Palette">
      <input
        className="palette__search"
        type="search"
        placeholder="Find an operation"
        aria-label="Find an operation"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {PALETTE_GROUPS.map((group) => {
        const items = group.items.filter((i) => found.has(i))
        if (items.length === 0) return null
        return (
          <section key={group.title} className="palette__group">
            <h2 className="palette__title">{group.title}</h2>
            {items.map((item) => (
              <button
                key={item.id}
                type="button"
                className="palette__item"
                draggable
                data-testid={`palette-${item.id}`}
                title={item.hint}
                onDragStart={(event) => {
                  event.dataTransfer.setData(PALETTE_MIME, item.id)
                  event.dataTransfer.effectAllowed = 'copy'
                }}
                onClick={() => onAdd(item)}
              >
                {item.label}
              </button>
            ))}
          </section>
        )
      })}
    </aside>
  )
}
