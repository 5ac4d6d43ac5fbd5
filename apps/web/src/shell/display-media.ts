// What of the screen script-drawn pictures (a canvas) depend on, and React re-renders on: CSS
// follows these by itself, a canvas only when drawn again.
import { useSyncExternalStore } from 'react'

const DARK = '(prefers-color-scheme: dark)'

function onDarkChange(onChange: () => void): () => void {
  const query = window.matchMedia(DARK)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** Whether the page is drawn in its dark colours. */
export function usePrefersDark(): boolean {
  return useSyncExternalStore(
    onDarkChange,
    () => window.matchMedia(DARK).matches,
    () => false,
  )
}

function onRatioChange(onChange: () => void): () => void {
  // A media query matches one ratio: when it stops matching (another screen, browser zoom), the
  // ratio changed, and the next subscription watches the new one.
  const query = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** Device pixels to a CSS pixel. */
export function useDevicePixelRatio(): number {
  return useSyncExternalStore(
    onRatioChange,
    () => window.devicePixelRatio || 1,
    () => 1,
  )
}
