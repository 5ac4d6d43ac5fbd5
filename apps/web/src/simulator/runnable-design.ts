import type { TopologyGraph } from '@topology-studio/shared'

/** What a simulation runs of a design: everything but where nodes sit on the canvas. */
function runnable(graph: TopologyGraph): string {
  return JSON.stringify({
    ...graph,
    nodes: graph.nodes.map(({ position: _position, ...node }) => node),
  })
}

/** Whether two versions of a design run alike: moving nodes around changes nothing. */
export function runsAlike(a: TopologyGraph, b: TopologyGraph): boolean {
  return a === b || runnable(a) === runnable(b)
}
