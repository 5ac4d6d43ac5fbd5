import type { GraphNode } from '@topology-studio/shared'
import { useState, type KeyboardEvent } from 'react'
import type { DesignStore } from '../design/design-store'
import { expressionProblems, paramFields, withParam, type ParamField } from './param-fields'

export interface PropertiesPanelProps {
  design: DesignStore
  node: GraphNode | null
}

/**
 * The selected node's label and parameters. Each field applies when it loses focus or on Enter,
 * so one field edit is one undo step; the plan re-runs and shows what the change means.
 */
export function PropertiesPanel({ design, node }: PropertiesPanelProps) {
  if (node === null) {
    return <p className="properties__empty">Select one node to edit its parameters.</p>
  }
  const update = (path: string, value: unknown) =>
    design.getState().updateNode(node.id, {
      params: withParam(node.params, path, value) as GraphNode['params'],
    })
  return (
    // Keyed by content: after undo or another edit the fields show the design's values again.
    <form
      key={`${node.id}:${JSON.stringify(node)}`}
      className="properties"
      aria-label="Properties"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="properties__kind">{node.kind}</div>
      <label className="field">
        <span className="field__name">label</span>
        <input
          defaultValue={node.label ?? ''}
          placeholder={node.id}
          onBlur={(event) => {
            const label = event.target.value.trim()
            if (label !== (node.label ?? '')) design.getState().updateNode(node.id, { label })
          }}
          onKeyDown={blurOnEnter}
        />
      </label>
      {paramFields(node).map((field) => (
        <Field key={field.path} node={node} field={field} onChange={update} />
      ))}
    </form>
  )
}

function Field({
  node,
  field,
  onChange,
}: {
  node: GraphNode
  field: ParamField
  onChange: (path: string, value: unknown) => void
}) {
  const name = <span className="field__name">{field.path}</span>
  switch (field.kind) {
    case 'function':
      return <FunctionField node={node} field={field} onChange={onChange} />
    case 'choice':
      return (
        <label className="field">
          {name}
          <select
            defaultValue={field.value}
            onChange={(event) => onChange(field.path, event.target.value)}
          >
            {field.value === '' && <option value="">(default)</option>}
            {field.options.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
      )
    case 'flag':
      return (
        <label className="field field--flag">
          <input
            type="checkbox"
            defaultChecked={field.value}
            onChange={(event) => onChange(field.path, event.target.checked)}
          />
          {name}
        </label>
      )
    case 'fixed':
      return (
        <div className="field">
          {name}
          <span className="field__fixed">{field.value}</span>
        </div>
      )
    default: {
      const text = field.kind === 'list' ? field.value.join(', ') : String(field.value)
      const numeric = field.kind === 'duration' || field.kind === 'number'
      return (
        <label className="field">
          {name}
          <input
            defaultValue={text}
            inputMode={numeric ? 'numeric' : undefined}
            onBlur={(event) => {
              const raw = event.target.value.trim()
              if (raw === text) return
              if (field.kind === 'list') {
                onChange(
                  field.path,
                  raw
                    .split(',')
                    .map((s) => s.trim())
                    .filter((s) => s !== ''),
                )
              } else if (numeric) {
                const parsed = Number(raw)
                if (raw !== '' && Number.isFinite(parsed)) onChange(field.path, parsed)
                else event.target.value = text
              } else onChange(field.path, raw)
            }}
            onKeyDown={blurOnEnter}
          />
          {field.kind === 'duration' && <span className="field__unit">ms</span>}
        </label>
      )
    }
  }
}

function FunctionField({
  node,
  field,
  onChange,
}: {
  node: GraphNode
  field: Extract<ParamField, { kind: 'function' }>
  onChange: (path: string, value: unknown) => void
}) {
  const [source, setSource] = useState(field.value.source)
  const problems =
    field.value.lang === 'expression' ? expressionProblems(node, field.path, source) : []
  return (
    <label className="field">
      <span className="field__name">
        {field.path} <span className="field__lang">{field.value.lang}</span>
      </span>
      <textarea
        className={field.value.lang === 'code' ? 'field__code' : 'field__expression'}
        value={source}
        spellCheck={false}
        rows={field.value.lang === 'code' ? 5 : 2}
        onChange={(event) => setSource(event.target.value)}
        onBlur={() => {
          if (source !== field.value.source) onChange(field.path, { ...field.value, source })
        }}
      />
      {problems.map((problem) => (
        <span key={problem} className="field__problem" role="alert">
          {problem}
        </span>
      ))}
    </label>
  )
}

function blurOnEnter(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key === 'Enter') event.currentTarget.blur()
}
