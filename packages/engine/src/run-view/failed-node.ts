import type { PhysicalPlan } from '@topology-studio/shared'

/**
 * The design node a runtime error points to: the one whose processor it started in, or else
 * the processor its message names (the longest name, as `KSTREAM-MAP-0000000001` is in
 * `KSTREAM-MAP-00000000012`'s text too).
 */
export function failedDesignNode(
  plan: PhysicalPlan,
  message: string,
  processor: string | undefined,
): string | null {
  const physical =
    processor === undefined
      ? plan.nodes
          .filter((n) => message.includes(n.name))
          .sort((a, b) => b.name.length - a.name.length)[0]
      : plan.nodes.find((n) => n.name === processor)
  return physical?.logicalNodeId ?? null
}
