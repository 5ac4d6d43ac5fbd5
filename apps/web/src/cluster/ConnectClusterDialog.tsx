import { ConnectClusterRequestSchema, schemaIssues } from '@topology-studio/shared'
import { useState, type FormEvent } from 'react'
import type { ClusterStore } from '../stores/cluster-store'
import { Dialog } from '../shell/Dialog'

const MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const
const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'Name',
  bootstrapServers: 'Bootstrap servers',
  sasl: 'SASL',
}

/**
 * Connects the server to a cluster by its bootstrap servers, with TLS and SASL when it needs
 * them. The password goes to the server and is never shown again.
 */
export function ConnectClusterDialog({
  clusters,
  onClose,
}: {
  clusters: ClusterStore
  onClose: () => void
}) {
  const [problems, setProblems] = useState<readonly string[]>([])
  const [busy, setBusy] = useState(false)
  const [sasl, setSasl] = useState('')

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const text = (key: string) => String(form.get(key) ?? '').trim()
    const parsed = ConnectClusterRequestSchema.safeParse({
      ...(text('name') === '' ? {} : { name: text('name') }),
      bootstrapServers: text('bootstrapServers'),
      ...(form.get('ssl') === 'on' ? { ssl: true } : {}),
      ...(sasl === ''
        ? {}
        : {
            sasl: {
              mechanism: sasl,
              username: text('username'),
              password: String(form.get('password') ?? ''),
            },
          }),
    })
    if (!parsed.success) {
      setProblems(
        schemaIssues(parsed.error.issues).map(
          ({ path, message }) => `${FIELD_NAMES[path.split('.')[0] ?? ''] ?? path}: ${message}`,
        ),
      )
      return
    }
    setBusy(true)
    setProblems([])
    try {
      await clusters.getState().connect(parsed.data)
      onClose()
    } catch (error) {
      setProblems([error instanceof Error ? error.message : String(error)])
      setBusy(false)
    }
  }

  return (
    <Dialog title="Connect a cluster" onClose={onClose} className="connect-cluster">
      <form onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__name">Bootstrap servers</span>
          <input
            name="bootstrapServers"
            placeholder="broker-1:9092, broker-2:9092"
            required
            autoFocus
          />
        </label>
        <label className="field">
          <span className="field__name">Name</span>
          <input name="name" placeholder="the first bootstrap server" />
        </label>
        <label className="field field--flag">
          <input type="checkbox" name="ssl" />
          <span className="field__name">TLS</span>
        </label>
        <label className="field">
          <span className="field__name">SASL</span>
          <select
            aria-label="SASL mechanism"
            value={sasl}
            onChange={(event) => setSasl(event.target.value)}
          >
            <option value="">None</option>
            {MECHANISMS.map((mechanism) => (
              <option key={mechanism}>{mechanism}</option>
            ))}
          </select>
        </label>
        {sasl !== '' && (
          <>
            <label className="field">
              <span className="field__name">Username</span>
              <input name="username" autoComplete="username" />
            </label>
            <label className="field">
              <span className="field__name">Password</span>
              <input name="password" type="password" autoComplete="current-password" />
            </label>
          </>
        )}
        {problems.length > 0 && (
          <ul className="dialog__problems" role="alert">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
