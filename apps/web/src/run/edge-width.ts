/** The stroke width of an edge carrying `perSecond` records: 1 when idle, growing by decade. */
export function edgeWidth(perSecond: number): number {
  if (perSecond <= 0) return 1
  return Math.min(8, 1.5 + 1.5 * Math.log10(1 + perSecond))
}
