import { useStore } from '@xyflow/react'
import { OVERVIEW_ZOOM } from './zoom-levels'

/** The largest a node gets on the canvas (15rem wide, a few stores tall), in canvas pixels. */
const NODE_EXTENT = 320
/** Screen pixels around the view where text is drawn ahead of a pan. */
const SCREEN_MARGIN = 200

/**
 * Whether a node at canvas position (x, y) is on screen at a zoom where its text can be read:
 * live numbers are drawn only there, so a metrics update touches only what can be seen.
 */
export function useReadableInView(x: number, y: number): boolean {
  return useStore((s) => {
    const [tx, ty, zoom] = s.transform
    if (zoom < OVERVIEW_ZOOM) return false
    const left = x * zoom + tx
    const top = y * zoom + ty
    const extent = NODE_EXTENT * zoom
    return (
      left < s.width + SCREEN_MARGIN &&
      left + extent > -SCREEN_MARGIN &&
      top < s.height + SCREEN_MARGIN &&
      top + extent > -SCREEN_MARGIN
    )
  })
}
