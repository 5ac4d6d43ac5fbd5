import { useState } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import { download } from '../shell/download'
import type { SimulationState } from './simulation-store'

export interface SavedTestProps {
  simulation: StoreApi<SimulationState>
}

/** Turns the inputs sent so far, and the outputs they produce, into a test file to keep. */
export function SavedTest({ simulation }: SavedTestProps) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const save = async () => {
    setOutcome(null)
    try {
      const saved = await simulation.getState().saveTest()
      download(saved.fileName, { text: saved.text, type: 'text/typescript' })
      setOutcome({
        ok: true,
        text: `Saved ${saved.fileName}: ${saved.inputs} input${saved.inputs === 1 ? '' : 's'}, ${saved.outputs} expected output${saved.outputs === 1 ? '' : 's'}, on TopologyTestDriver.`,
      })
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message })
    }
  }
  return (
    <section aria-label="Save as test">
      <button
        type="button"
        title="A vitest file on TopologyTestDriver: the inputs sent so far, in order, and the outputs they produce"
        onClick={() => void save()}
      >
        Save as test
      </button>
      {outcome !== null && (
        <p
          className={outcome.ok ? 'run-note' : 'run-problem'}
          role={outcome.ok ? 'status' : 'alert'}
        >
          {outcome.text}
        </p>
      )}
    </section>
  )
}
