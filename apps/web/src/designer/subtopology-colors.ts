// Sub-topologies told apart by hue; the same number has the same colour everywhere.
const HUES = [210, 30, 140, 280, 350, 90, 180, 250]

export function subtopologyColor(id: number, alpha = 1): string {
  return `hsl(${HUES[id % HUES.length] ?? 210} 65% 55% / ${alpha})`
}
