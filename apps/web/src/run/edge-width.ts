/**
 * The stroke width of an edge carrying `perSecond` records: 1 when idle, growing by decade, in
 * quarter pixels so that small changes of rate leave it as it is.
 */
export function edgeWidth(perSecond: number): number {
  if (perSecond <= 0) return 1
  const width = Math.min(8, 1.5 + 1.5 * Math.log10(1 + perSecond))
  return Math.round(width * 4) / 4
}
