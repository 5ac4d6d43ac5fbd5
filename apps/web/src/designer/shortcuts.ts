// The designer's keyboard: one table drives both the key handling and the help overlay, so the
// overlay can never list a key that does nothing.

export type ShortcutAction =
  | 'quickAdd'
  | 'delete'
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'clearSelection'
  | 'fitView'
  | 'autoLayout'
  | 'save'
  | 'help'

export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

interface Binding {
  readonly key: string
  readonly mod?: boolean
  readonly shift?: boolean
}

export interface Shortcut {
  readonly action: ShortcutAction
  readonly description: string
  readonly bindings: readonly Binding[]
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    action: 'quickAdd',
    description: 'Add an operation by name (after the selected node, wired to it)',
    bindings: [{ key: 'a' }, { key: 'k', mod: true }],
  },
  {
    action: 'delete',
    description: 'Delete the selection',
    bindings: [{ key: 'delete' }, { key: 'backspace' }],
  },
  { action: 'undo', description: 'Undo', bindings: [{ key: 'z', mod: true }] },
  {
    action: 'redo',
    description: 'Redo',
    bindings: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
  { action: 'copy', description: 'Copy the selection', bindings: [{ key: 'c', mod: true }] },
  { action: 'paste', description: 'Paste', bindings: [{ key: 'v', mod: true }] },
  { action: 'selectAll', description: 'Select everything', bindings: [{ key: 'a', mod: true }] },
  { action: 'clearSelection', description: 'Clear the selection', bindings: [{ key: 'escape' }] },
  { action: 'fitView', description: 'Fit the design in view', bindings: [{ key: 'f' }] },
  {
    action: 'autoLayout',
    description: 'Lay the design out from left to right',
    bindings: [{ key: 'l', shift: true }],
  },
  { action: 'save', description: 'Save to the server', bindings: [{ key: 's', mod: true }] },
  { action: 'help', description: 'Show these shortcuts', bindings: [{ key: '?' }] },
]

const matches = (binding: Binding, press: KeyPress) => {
  const key = press.key.toLowerCase()
  const mod = press.ctrlKey || press.metaKey
  // "?" is Shift+/ on most layouts: the character is what counts, not the shift.
  const shiftMatters = binding.key !== '?'
  return (
    key === binding.key &&
    mod === (binding.mod ?? false) &&
    !press.altKey &&
    (!shiftMatters || press.shiftKey === (binding.shift ?? false))
  )
}

/** The action a key press asks for, or null. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  return SHORTCUTS.find((s) => s.bindings.some((b) => matches(b, press)))?.action ?? null
}

/** How a binding is written in the help, e.g. `Ctrl+Shift+Z`. */
export function bindingLabel(binding: Binding): string {
  const key =
    binding.key.length === 1
      ? binding.key.toUpperCase()
      : binding.key[0]!.toUpperCase() + binding.key.slice(1)
  return [binding.mod ? 'Ctrl' : null, binding.shift ? 'Shift' : null, key === '?' ? '?' : key]
    .filter((part) => part !== null)
    .join('+')
}

// Fields where keys edit text; a checkbox or button keeps the design's shortcuts.
const TEXT_FIELDS =
  'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select, ' +
  '[contenteditable="true"]'

/** Whether a key press is typing into a field, where only Ctrl+S stays a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TEXT_FIELDS) !== null
}
