import type { ProduceRequest, Serde } from '@topology-studio/shared'
import { useState } from 'react'
import { TextField } from '../shell/form-fields'
import { parseRecordForm, type RecordFormProblem } from './record-input'

const EMPTY = { key: '', value: '', partition: '', timestamp: '' }
export type RecordFields = typeof EMPTY

/**
 * The fields of a record typed by hand, with what is wrong with each shown under it once the
 * record is read.
 */
export function useRecordForm() {
  const [fields, setFields] = useState(EMPTY)
  const [problems, setProblems] = useState<readonly RecordFormProblem[]>([])
  const problemOf = (name: keyof RecordFields) => problems.find((p) => p.field === name)?.message
  const field = (name: keyof RecordFields, label: string, placeholder: string) => (
    <TextField
      label={label}
      value={fields[name]}
      placeholder={placeholder}
      problem={problemOf(name)}
      onChange={(value) => setFields({ ...fields, [name]: value })}
    />
  )
  /** The record, or null (with its problems shown) when a field is wrong. */
  const read = (keySerde: Serde, valueSerde: Serde, partitions: number): ProduceRequest | null => {
    const parsed = parseRecordForm({ ...fields, keySerde, valueSerde }, partitions)
    setProblems(parsed.ok ? [] : parsed.problems)
    return parsed.ok ? parsed.request : null
  }
  /** Empties the fields, keeping the ones named. */
  const clear = (keep: readonly (keyof RecordFields)[] = []) =>
    setFields((now) => ({ ...EMPTY, ...Object.fromEntries(keep.map((name) => [name, now[name]])) }))
  return { fields, setFields, problemOf, field, read, clear }
}
