export interface TextFieldProps {
  label: string
  value: string
  placeholder: string
  /** What is wrong with the value, shown under it; undefined when nothing is. */
  problem: string | undefined
  onChange: (value: string) => void
}

/** A labelled text input that says under it what is wrong with its value. */
export function TextField({ label, value, placeholder, problem, onChange }: TextFieldProps) {
  return (
    <label className="field">
      <span className="field__name">{label}</span>
      <input
        value={value}
        placeholder={placeholder}
        aria-invalid={problem !== undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem !== undefined && <span className="field__error">{problem}</span>}
    </label>
  )
}

export interface ChoiceProps<T extends string> {
  label: string
  value: T
  options: readonly T[]
  onChange: (value: T) => void
}

/** A labelled choice among names (topics, kinds of sample data). */
export function Choice<T extends string>({ label, value, options, onChange }: ChoiceProps<T>) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  )
}
