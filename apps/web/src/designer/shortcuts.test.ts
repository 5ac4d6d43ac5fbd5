import { describe, expect, it } from 'vitest'
import { bindingLabel, SHORTCUTS, shortcutFor } from './shortcuts'

const press = (key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
})

describe('shortcutFor', () => {
  it('tells undo from redo by Shift', () => {
    expect(shortcutFor(press('z', { ctrl: true }))).toBe('undo')
    expect(shortcutFor(press('Z', { ctrl: true, shift: true }))).toBe('redo')
    expect(shortcutFor(press('y', { ctrl: true }))).toBe('redo')
  })

  it('tells quick add (A) from select all (Ctrl+A)', () => {
    expect(shortcutFor(press('a'))).toBe('quickAdd')
    expect(shortcutFor(press('a', { ctrl: true }))).toBe('selectAll')
    expect(shortcutFor(press('k', { ctrl: true }))).toBe('quickAdd')
  })

  it('reads ? whatever Shift it took to type it', () => {
    expect(shortcutFor(press('?', { shift: true }))).toBe('help')
    expect(shortcutFor(press('?'))).toBe('help')
  })

  it('ignores keys with Alt and keys it does not know', () => {
    expect(shortcutFor(press('z', { ctrl: true, alt: true }))).toBeNull()
    expect(shortcutFor(press('q'))).toBeNull()
    expect(shortcutFor(press('l'))).toBeNull()
    expect(shortcutFor(press('L', { shift: true }))).toBe('autoLayout')
  })

  it('binds every key once', () => {
    const labels = SHORTCUTS.flatMap((s) => s.bindings.map(bindingLabel))
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels).toContain('Ctrl+Shift+Z')
  })
})
