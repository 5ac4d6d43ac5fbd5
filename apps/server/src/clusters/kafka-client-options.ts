import type { ConnectClusterRequest } from '@topology-studio/shared'
import kafkajs, { type KafkaConfig, type SASLOptions } from 'kafkajs'

// kafkajs is CommonJS: Node's ESM loader sees only its default export.
const { logLevel } = kafkajs

/** What the server keeps of a cluster connection request, secrets included (memory only). */
export type ClusterSettings = ConnectClusterRequest & { bootstrapServers: string[] }

/**
 * The kafkajs config for a cluster: only the options the request schema allows, and timeouts
 * short enough that a cluster that is down is reported within seconds instead of hanging.
 */
export function kafkaClientConfig(settings: ClusterSettings, clientId: string): KafkaConfig {
  const config: KafkaConfig = {
    clientId,
    brokers: settings.bootstrapServers,
    connectionTimeout: 3_000,
    authenticationTimeout: 5_000,
    requestTimeout: 15_000,
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
    // kafkajs logs carry broker addresses and, on auth failures, request details: the server
    // reports errors through its API instead.
    logLevel: logLevel.NOTHING,
  }
  if (settings.ssl !== undefined) config.ssl = settings.ssl
  if (settings.sasl !== undefined) {
    const { mechanism, username, password } = settings.sasl
    config.sasl = { mechanism, username, password } as SASLOptions
  }
  return config
}

/** The settings a client may see: no password, no TLS key. */
export function publicSettings(settings: ClusterSettings): {
  bootstrapServers: string[]
  ssl: boolean
  sasl: { mechanism: string; username: string } | null
} {
  return {
    bootstrapServers: [...settings.bootstrapServers],
    ssl: settings.ssl !== undefined && settings.ssl !== false,
    sasl:
      settings.sasl === undefined
        ? null
        : { mechanism: settings.sasl.mechanism, username: settings.sasl.username },
  }
}
