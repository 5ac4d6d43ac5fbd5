// A React Flow canvas as a standalone SVG or PNG: every node, edge, label and group, at full
// size whatever the current zoom, on the page's background colour.
import { toPng, toSvg } from 'html-to-image'

const PADDING = 40
const VIEWPORT_TRANSFORM = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*scale\(([\d.]+)\)/

export type ImageFormat = 'svg' | 'png'

/** The drawing of `flow` (a `.react-flow` element) as a data URL. */
export async function canvasImage(flow: HTMLElement, format: ImageFormat): Promise<string> {
  const viewport = flow.querySelector<HTMLElement>('.react-flow__viewport')
  const match = viewport === null ? null : VIEWPORT_TRANSFORM.exec(viewport.style.transform)
  if (viewport === null || match === null) throw new Error('The canvas is not drawn yet.')
  const [tx, ty, zoom] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const origin = flow.getBoundingClientRect()
  // What is drawn, from the screen back to canvas coordinates.
  const drawn = [
    ...viewport.querySelectorAll<HTMLElement>(
      '.react-flow__node, .react-flow__edgelabel-renderer > *, .subtopology-group',
    ),
  ].map((element) => element.getBoundingClientRect())
  if (drawn.length === 0) throw new Error('The canvas is empty.')
  const toCanvas = (x: number, y: number) => ({
    x: (x - origin.left - tx) / zoom,
    y: (y - origin.top - ty) / zoom,
  })
  const topLeft = toCanvas(
    Math.min(...drawn.map((r) => r.left)),
    Math.min(...drawn.map((r) => r.top)),
  )
  const bottomRight = toCanvas(
    Math.max(...drawn.map((r) => r.right)),
    Math.max(...drawn.map((r) => r.bottom)),
  )
  const width = Math.ceil(bottomRight.x - topLeft.x + 2 * PADDING)
  const height = Math.ceil(bottomRight.y - topLeft.y + 2 * PADDING)
  const options = {
    width,
    height,
    backgroundColor: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${PADDING - topLeft.x}px, ${PADDING - topLeft.y}px) scale(1)`,
    },
  }
  return format === 'svg'
    ? toSvg(viewport, options)
    : toPng(viewport, { ...options, pixelRatio: 2 })
}
