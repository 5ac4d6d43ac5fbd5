import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import { NotSignedInError, type ServerHealth } from '../api/health'

/** `checking` until the first answer; afterwards only a real answer changes it. */
export type ConnectionStatus = 'checking' | 'connected' | 'unreachable' | 'signed-out'

export interface ConnectionState {
  status: ConnectionStatus
  /** The server's version from its last successful health check. */
  serverVersion: string | null
  /** Why the last check failed, for a tooltip; null while connected. */
  lastError: string | null
  /** Asks the server for its health once and records the answer. */
  check: () => Promise<void>
}

export type ConnectionStore = StoreApi<ConnectionState>

export interface ConnectionStoreDeps {
  checkHealth: () => Promise<ServerHealth>
}

/** Holds whether the server answers; kept apart from other stores so polling wakes no one else. */
export function createConnectionStore({ checkHealth }: ConnectionStoreDeps): ConnectionStore {
  // Checks can overlap when the server is slow; only the newest answer may land.
  let latestCheck = 0

  return createStore<ConnectionState>()((set) => ({
    status: 'checking',
    serverVersion: null,
    lastError: null,
    check: async () => {
      const id = ++latestCheck
      try {
        const health = await checkHealth()
        if (id !== latestCheck) return
        set({ status: 'connected', serverVersion: health.version, lastError: null })
      } catch (err) {
        if (id !== latestCheck) return
        set({
          status: err instanceof NotSignedInError ? 'signed-out' : 'unreachable',
          lastError: err instanceof Error ? err.message : String(err),
        })
      }
    },
  }))
}

/**
 * Checks now and then again `intervalMs` after each answer, so a slow server never has two checks
 * in flight from here. Returns a function that stops watching.
 */
export function watchConnection(store: ConnectionStore, intervalMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const run = async (): Promise<void> => {
    await store.getState().check()
    if (!stopped) timer = setTimeout(() => void run(), intervalMs)
  }
  void run()

  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
