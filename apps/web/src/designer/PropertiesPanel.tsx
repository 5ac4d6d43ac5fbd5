import type { GraphNode, GraphNodeOfKind } from '@topology-studio/shared'
import { CodeEditor } from './CodeEditor'
import { DURATION_UNITS, durationMs, durationParts, type DurationUnit } from './duration-units'
import { useState, type KeyboardEvent } from 'react'
import { useStore } from 'zustand'
import type { DesignStore } from '../design/design-store'
import type { ClusterTopics } from '@topology-studio/engine'
import { clusterLabel, type ClusterStore } from '../stores/cluster-store'
import { CreateTopics } from '../cluster/CreateTopics'
import { nodeTopics } from '../design/node-topics'
import { expressionProblems, paramFields, withParam, type ParamField } from './param-fields'

export interface PropertiesPanelProps {
  design: DesignStore
  node: GraphNode | null
  clusters: ClusterStore
}

const TOPIC_PATHS = new Set(['topic', 'topics'])
const TOPICS_LIST_ID = 'cluster-topics'

/**
 * The selected node's label and parameters. Each field applies when it loses focus or on Enter,
 * so one field edit is one undo step; the plan re-runs and shows what the change means.
 */
export function PropertiesPanel({ design, node, clusters }: PropertiesPanelProps) {
  const clusterName = useStore(clusters, clusterLabel)
  const partitions = useStore(clusters, (s) => s.topics)
  const known: ClusterTopics | null =
    clusterName === null || partitions === null ? null : { name: clusterName, partitions }
  if (node === null) {
    return <p className="properties__empty">Select one node to edit its parameters.</p>
  }
  const update = (path: string, value: unknown) => {
    // A cogroup input's id names the port its edge arrives on: the edge follows a rename. An
    // id another input has is kept as typed, for validation to point out.
    const inputs = node.kind === 'cogroup' ? node.params.inputs : []
    const renamed = /^inputs\.(\d+)\.id$/.exec(path)
    const from = renamed === null ? undefined : inputs[Number(renamed[1])]?.id
    const free = typeof value === 'string' && value !== '' && !inputs.some((i) => i.id === value)
    if (from !== undefined && free) {
      design.getState().renameCogroupInput(node.id, from, value)
      return
    }
    design.getState().updateNode(node.id, {
      params: withParam(node.params, path, value) as GraphNode['params'],
    })
  }
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
        <Field key={field.path} node={node} field={field} onChange={update} topics={known} />
      ))}
      {node.kind === 'cogroup' && <CogroupInputs design={design} node={node} />}
      {known !== null && <CreateTopics clusters={clusters} missing={missingTopics(node, known)} />}
      {known !== null && (
        <datalist id={TOPICS_LIST_ID}>
          {[...known.partitions.keys()].sort().map((topic) => (
            <option key={topic} value={topic} />
          ))}
        </datalist>
      )}
    </form>
  )
}

/** The topics this node names that the chosen cluster does not have. */
function missingTopics(node: GraphNode, topics: ClusterTopics): string[] {
  return [...new Set(nodeTopics(node))].filter((topic) => !topics.partitions.has(topic))
}

function Field({
  node,
  field,
  onChange,
  topics,
}: {
  node: GraphNode
  field: ParamField
  onChange: (path: string, value: unknown) => void
  topics: ClusterTopics | null
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
    case 'duration':
      return <DurationField field={field} onChange={onChange} />
    case 'fixed':
      return (
        <div className="field">
          {name}
          <span className="field__fixed">{field.value}</span>
        </div>
      )
    default: {
      const text = field.kind === 'list' ? field.value.join(', ') : String(field.value)
      const numeric = field.kind === 'number'
      const topicField = topics !== null && TOPIC_PATHS.has(field.path)
      return (
        <label className="field">
          {name}
          <input
            defaultValue={text}
            list={topicField ? TOPICS_LIST_ID : undefined}
            // Named by the param alone, not by the partition counts shown under it.
            aria-label={topicField ? field.path : undefined}
            autoComplete="off"
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
          {topicField && <TopicPartitions names={field.value} topics={topics} />}
        </label>
      )
    }
  }
}

/** How many partitions each named topic has on the chosen cluster, or that it is not there. */
function TopicPartitions({
  names,
  topics,
}: {
  names: string | number | readonly string[]
  topics: ClusterTopics
}) {
  const list = (typeof names === 'string' ? [names] : Array.isArray(names) ? names : []).filter(
    (name) => name !== '',
  )
  return list.map((topic) => {
    const partitions = topics.partitions.get(topic)
    return (
      <span
        key={topic}
        className={partitions === undefined ? 'field__topic is-missing' : 'field__topic'}
        data-testid={`topic-partitions-${topic}`}
      >
        {partitions === undefined
          ? `${topic}: not on ${topics.name}`
          : `${topic}: ${partitions} partition${partitions === 1 ? '' : 's'} on ${topics.name}`}
      </span>
    )
  })
}

/** A duration as an amount and a unit (2 s rather than 2000 ms); stored in milliseconds. */
function DurationField({
  field,
  onChange,
}: {
  field: Extract<ParamField, { kind: 'duration' }>
  onChange: (path: string, value: unknown) => void
}) {
  const shown = durationParts(field.value)
  const [unit, setUnit] = useState<DurationUnit>(shown.unit)
  const amount = field.value / (DURATION_UNITS.find((u) => u.unit === unit)?.ms ?? 1)
  return (
    <div className="field">
      <span className="field__name">{field.path}</span>
      <div className="field__duration">
        <input
          aria-label={field.path}
          key={`${field.value}:${unit}`}
          defaultValue={String(amount)}
          inputMode="decimal"
          onBlur={(event) => {
            const parsed = Number(event.target.value.trim())
            if (event.target.value.trim() === '' || !Number.isFinite(parsed)) {
              event.target.value = String(amount)
              return
            }
            const ms = durationMs(parsed, unit)
            if (ms !== field.value) onChange(field.path, ms)
          }}
          onKeyDown={blurOnEnter}
        />
        <select
          aria-label={`${field.path} unit`}
          value={unit}
          onChange={(event) => setUnit(event.target.value as DurationUnit)}
        >
          {DURATION_UNITS.map(({ unit: u }) => (
            <option key={u}>{u}</option>
          ))}
        </select>
      </div>
    </div>
  )
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
  const commit = () => {
    if (source !== field.value.source) onChange(field.path, { ...field.value, source })
  }
  const name = (
    <span className="field__name">
      {field.path} <span className="field__lang">{field.value.lang}</span>
    </span>
  )
  if (field.value.lang === 'code') {
    return (
      <div className="field">
        {name}
        <CodeEditor initial={source} label={field.path} onChange={setSource} onBlur={commit} />
      </div>
    )
  }
  return (
    <label className="field">
      {name}
      <textarea
        className="field__expression"
        value={source}
        spellCheck={false}
        rows={2}
        onChange={(event) => setSource(event.target.value)}
        onBlur={commit}
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

/** Adds a grouped-stream input to a cogroup, or removes one with the edges on its port. */
function CogroupInputs({
  design,
  node,
}: {
  design: DesignStore
  node: GraphNodeOfKind<'cogroup'>
}) {
  const { inputs } = node.params
  const add = () => {
    const taken = new Set(inputs.map((input) => input.id))
    let n = inputs.length + 1
    while (taken.has(`input-${n}`)) n++
    design.getState().updateNode(node.id, {
      params: {
        ...node.params,
        inputs: [
          ...inputs,
          { id: `input-${n}`, aggregator: { lang: 'expression', source: 'aggregate + 1' } },
        ],
      },
    })
  }
  const remove = (id: string) => design.getState().removeCogroupInput(node.id, id)
  return (
    <div className="field">
      <span className="field__name">inputs</span>
      <ul className="cogroup-inputs">
        {inputs.map((input) => (
          <li key={input.id}>
            <span>{input.id}</span>
            <button
              type="button"
              disabled={inputs.length === 1}
              onClick={() => remove(input.id)}
              aria-label={`Remove input ${input.id}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={add}>
        Add input
      </button>
    </div>
  )
}
