// Median time of planGraph (validate, compile through the DSL, describe, plan JSON) for
// generated designs of 100, 1,000 and 5,000 nodes. Target: under 20 ms at 1,000 nodes, and
// time per node roughly constant as designs grow.
import { performance } from 'node:perf_hooks'
import { planGraph } from '@topology-studio/engine'
import { generateDesign } from './generate-design'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const sizes = [100, 1000, 5000]
const designs = new Map(sizes.map((size) => [size, generateDesign(size)]))
// Warm the JIT on every size first, as an editing session does (the canvas re-plans on every
// edit), so the smallest design is not measured while the code is still cold.
for (const design of designs.values()) {
  for (let i = 0; i < (design.nodes.length >= 5000 ? 3 : 20); i++) planGraph(design)
}
const collectGarbage = (globalThis as { gc?: () => void }).gc
const rows: { nodes: number; medianMs: number; perNodeUs: number; subtopologies: number }[] = []
for (const size of sizes) {
  const design = designs.get(size) as ReturnType<typeof generateDesign>
  const runs = size >= 5000 ? 15 : 41
  // Start each size from a collected heap so garbage of the previous size is not billed here.
  collectGarbage?.()
  for (let i = 0; i < 10; i++) planGraph(design)
  const times: number[] = []
  let subtopologies = 0
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const { plan, diagnostics } = planGraph(design)
    times.push(performance.now() - start)
    if (plan === null) {
      throw new Error(`generated design failed to plan: ${JSON.stringify(diagnostics.slice(0, 3))}`)
    }
    subtopologies = plan.subtopologies.length
  }
  const medianMs = median(times)
  rows.push({
    nodes: design.nodes.length,
    medianMs: Number(medianMs.toFixed(2)),
    perNodeUs: Number(((medianMs * 1000) / design.nodes.length).toFixed(1)),
    subtopologies,
  })
}

console.log('planGraph median time by design size')
console.table(rows)
const at1000 = rows.find((row) => row.nodes >= 1000 && row.nodes < 5000)
if (at1000 !== undefined) {
  console.log(`1,000-node design: ${at1000.medianMs} ms (target < 20 ms)`)
}
