import {
  designFromPlan,
  fromDescription,
  type DesignFromPlanResult,
  type FromDescriptionResult,
} from '@topology-studio/engine'
import type { PhysicalPlan } from '@topology-studio/shared'
import { useEffect, useRef, useState } from 'react'
import { ProblemsPanel } from '../designer/ProblemsPanel'
import { Dialog } from '../shell/Dialog'

export interface ImportedTopology {
  readonly plan: PhysicalPlan
  /** Warnings about the text (lists whose order could not be reproduced, Java-only patterns). */
  readonly diagnostics: FromDescriptionResult['diagnostics']
  /** The editable design it becomes, or why it cannot become one. */
  readonly design: DesignFromPlanResult
}

export interface ImportDescribeDialogProps {
  onImport: (imported: ImportedTopology) => void
  onClose: () => void
}

/**
 * Paste the `describe()` output of any Kafka Streams application to see it drawn. Errors in the
 * text are listed with their line, and the dialog stays open so the text can be fixed.
 */
export function ImportDescribeDialog({ onImport, onClose }: ImportDescribeDialogProps) {
  const [text, setText] = useState('')
  const [problems, setProblems] = useState<FromDescriptionResult['diagnostics'] | null>(null)
  const field = useRef<HTMLTextAreaElement>(null)

  useEffect(() => field.current?.focus(), [])

  const draw = () => {
    const result = fromDescription(text)
    if (result.plan === null) setProblems(result.diagnostics)
    else {
      const design = designFromPlan(result.plan)
      onImport({ plan: result.plan, diagnostics: result.diagnostics, design })
    }
  }

  return (
    <Dialog title="Import describe() output" onClose={onClose}>
      <p className="dialog__help">
        Paste what <code>topology.describe()</code> prints in a Kafka Streams application (starting
        at <code>Topologies:</code>). It is drawn read-only first. When the processors can be
        recovered as DSL operations, it also opens as an editable design: the text names processors,
        stores and topics but not the code of the functions, which are left for you to write.
      </p>
      <textarea
        ref={field}
        className="dialog__text"
        aria-label="describe() output"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setProblems(null)
        }}
      />
      {problems !== null && <ProblemsPanel diagnostics={problems} />}
      <div className="dialog__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={text.trim() === ''} onClick={draw}>
          Draw
        </button>
      </div>
    </Dialog>
  )
}
