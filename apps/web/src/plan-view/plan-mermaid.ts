// The physical plan as Mermaid flowchart text, for docs and pull requests: the same picture as
// the plan view (topics, sub-topologies around their processors, stores linked by dashes).
import type { PhysicalPlan } from '@topology-studio/shared'
import { planDiagram, type DiagramItem } from './plan-diagram'

// Mermaid ids must be plain words; labels go in quotes, where " has to be an entity.
const quoted = (text: string) => `"${text.replaceAll('"', '#quot;')}"`

function shape(item: DiagramItem, id: string): string {
  switch (item.kind) {
    case 'topic':
      return `${id}([${quoted(item.name)}])`
    case 'store':
      return `${id}[(${quoted(item.name)})]`
    case 'subtopology':
      return id
    default:
      return `${id}[${quoted(item.name)}]`
  }
}

export function planToMermaid(plan: PhysicalPlan): string {
  const diagram = planDiagram(plan)
  const ids = new Map<string, string>()
  const counters = { t: 0, n: 0, s: 0 }
  const idOf = (item: DiagramItem) => {
    const known = ids.get(item.id)
    if (known !== undefined) return known
    const prefix = item.kind === 'topic' ? 't' : item.kind === 'store' ? 's' : 'n'
    const id = `${prefix}${counters[prefix]++}`
    ids.set(item.id, id)
    return id
  }
  const lines = ['flowchart TB']
  for (const box of diagram.boxes) {
    const item = diagram.items.get(box.id)
    if (item === undefined) continue
    if (item.kind !== 'subtopology') {
      lines.push(`  ${shape(item, idOf(item))}`)
      continue
    }
    const title = `${item.global ? 'Global sub-topology' : 'Sub-topology'} ${item.number}`
    lines.push(`  subgraph st${item.number}[${quoted(title)}]`)
    for (const child of box.children ?? []) {
      const member = diagram.items.get(child.id)
      if (member !== undefined) lines.push(`    ${shape(member, idOf(member))}`)
    }
    lines.push('  end')
  }
  for (const link of diagram.links) {
    const source = diagram.items.get(link.source)
    const target = diagram.items.get(link.target)
    if (source === undefined || target === undefined) continue
    lines.push(`  ${idOf(source)} ${link.kind === 'store' ? '-.-' : '-->'} ${idOf(target)}`)
  }
  return `${lines.join('\n')}\n`
}
