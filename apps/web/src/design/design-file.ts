// Designs as JSON files on the user's disk: the same pretty JSON the server stores, so a file
// saved here can be dropped into a workspace folder and the other way round.
import {
  schemaIssues,
  slug,
  TopologyGraphSchema,
  type TopologyGraph,
} from '@topology-studio/shared'

export type DesignFileResult =
  | { readonly ok: true; readonly graph: TopologyGraph }
  | { readonly ok: false; readonly problems: readonly string[] }

/** Reads a design file, naming what is wrong and where when it is not a design. */
export function parseDesignFile(text: string, fileName: string): DesignFileResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [`${fileName} is not JSON: ${(error as Error).message}`] }
  }
  const parsed = TopologyGraphSchema.safeParse(json)
  if (parsed.success) return { ok: true, graph: parsed.data }
  return {
    ok: false,
    problems: schemaIssues(parsed.error.issues).map(
      (issue) =>
        `${fileName} at ${issue.path === '' ? 'the top level' : issue.path}: ${issue.message}`,
    ),
  }
}

export function designFileText(graph: TopologyGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`
}

/** A file name from the design's name, as the server names the file it stores. */
export function designFileName(graph: TopologyGraph): string {
  return `${slug(graph.name)}.json`
}

/** An empty design to start from. */
export function blankDesign(): TopologyGraph {
  return {
    version: 1,
    name: 'Untitled design',
    applicationId: 'untitled-design',
    config: { 'default.key.serde': 'String', 'default.value.serde': 'String' },
    nodes: [],
    edges: [],
  }
}
