import type { DiagnosticSeverity } from '@topology-studio/shared'

/** The user-facing text of one diagnostic. */
export interface DiagnosticText {
  message: string
  hint: string
}

/** One catalogue entry: a stable severity and the text built from the facts it is given. */
export interface DiagnosticEntry<A> {
  severity: DiagnosticSeverity
  text: (args: A) => DiagnosticText
}

export function entry<A>(
  severity: DiagnosticSeverity,
  text: (args: A) => DiagnosticText,
): DiagnosticEntry<A> {
  return { severity, text }
}
