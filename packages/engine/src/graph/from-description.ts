/**
 * Reads the `describe()` output of an existing Kafka Streams application, so that it can be
 * visualised and run like a design made here.
 *
 * The text is parsed line by line (indentation, Windows line endings, blank lines around it and
 * the named-topology header `Topology: <name>:` are tolerated), checked for consistency, turned
 * into a {@link PhysicalPlan}, and then rebuilt through the Processor API by
 * {@link topologyFromPlan}. The rebuilt topology's describe() is the plan's `describe`: for any
 * text Kafka Streams printed it is the pasted text, byte for byte.
 *
 * Reproducing the text is the subtle part. Sub-topology ids follow the first inserted node of
 * each connected component, so components are added in id order. The `-->`/`<--` lists are
 * red-black trees filled while node sizes still grow (semantics reference, Appendix A), so their
 * order depends on how nodes sharing a Java hash bucket were inserted and on the order parents
 * were declared; `declaration-order.ts` searches those choices. When no choice reproduces the
 * text (it was edited, or comes from a Kafka version that orders differently), the plan follows
 * the closest rebuild and a warning names each list that differs.
 *
 * Never throws: malformed input yields `plan: null` and error diagnostics with a stable code
 * (`describe/...`), the 1-based line and a hint.
 */
import type { Diagnostic, PhysicalPlan } from '@topology-studio/shared'
import { checkDescription } from './internal/describe-text/check-description'
import { describeDiagnostic } from './internal/describe-text/describe-diagnostics'
import { explainMismatch } from './internal/describe-text/explain-mismatch'
import { parseDescriptionText } from './internal/describe-text/parse-description-text'
import { planFromParsed } from './internal/describe-text/plan-from-parsed'
import { isJavaScriptPattern } from './internal/describe-text/topic-pattern'
import { topologyFromPlan } from './topology-from-plan'

export interface FromDescriptionResult {
  /** Null when the text has errors. */
  readonly plan: PhysicalPlan | null
  readonly diagnostics: Diagnostic[]
}

const hasErrors = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.some((diagnostic) => diagnostic.severity === 'error')

function patternNotes(plan: PhysicalPlan, lineOf: (name: string) => number | undefined) {
  return plan.nodes
    .filter((node) => node.topicPattern !== undefined && !isJavaScriptPattern(node.topicPattern))
    .map((node) =>
      describeDiagnostic('describe/pattern-not-javascript', lineOf(node.name), {
        node: node.name,
        pattern: node.topicPattern ?? '',
      }),
    )
}

/**
 * Parses `TopologyDescription#toString()` text into a physical plan.
 *
 * @example
 * const { plan, diagnostics } = fromDescription(javaApp.describe)
 * if (plan !== null) topologyFromPlan(plan).describe().toString() // === plan.describe
 */
export function fromDescription(text: string): FromDescriptionResult {
  const parsed = parseDescriptionText(text)
  const diagnostics = [...parsed.diagnostics]
  if (hasErrors(diagnostics)) return { plan: null, diagnostics }
  diagnostics.push(...checkDescription(parsed.description))
  if (hasErrors(diagnostics)) return { plan: null, diagnostics }

  const plan = planFromParsed(parsed.description)
  const lines = new Map(
    parsed.description.blocks.flatMap((block) => block.nodes.map((node) => [node.name, node.line])),
  )
  diagnostics.push(...patternNotes(plan, (name) => lines.get(name)))
  let rebuilt: string
  try {
    rebuilt = topologyFromPlan(plan).describe().toString()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    diagnostics.push(describeDiagnostic('describe/rebuild-failed', undefined, { reason }))
    return { plan: null, diagnostics }
  }
  if (rebuilt === plan.describe) return { plan, diagnostics }

  // The plan must agree with its own describe text, so it follows the rebuild.
  const reparsed = parseDescriptionText(rebuilt).description
  diagnostics.push(...explainMismatch(parsed.description, reparsed))
  return { plan: { ...planFromParsed(reparsed), describe: rebuilt }, diagnostics }
}
