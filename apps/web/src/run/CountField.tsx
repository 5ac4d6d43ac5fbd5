export interface CountFieldProps {
  label: string
  value: number
  max: number
  onChange: (value: number) => void
}

/** A labelled whole number of at least 1 (partitions, records per second). */
export function CountField({ label, value, max, onChange }: CountFieldProps) {
  return (
    <label className="count-field">
      {label}{' '}
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(event) =>
          onChange(Math.min(max, Math.max(1, Math.round(Number(event.target.value)) || 1)))
        }
      />
    </label>
  )
}
