import { ApiError } from '../http/api-error'

/** Turns a kafkajs failure into an API error that says what the cluster refused. */
export function kafkaError(error: unknown, what: string): ApiError {
  if (error instanceof ApiError) return error
  const err = error as { name?: string; message?: string; type?: string; cause?: unknown }
  const names = [err.name, (err.cause as { name?: string } | undefined)?.name]
  const message = err.message ?? String(error)
  if (
    names.some(
      (name) =>
        name === 'KafkaJSConnectionError' ||
        name === 'KafkaJSBrokerNotFound' ||
        name === 'KafkaJSRequestTimeoutError',
    ) ||
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|Connection timeout|Closed connection/i.test(message)
  ) {
    return new ApiError(
      502,
      'cluster_unreachable',
      `Cannot reach the cluster while ${what}: ${message}`,
    )
  }
  if (err.type === 'TOPIC_ALREADY_EXISTS') {
    return new ApiError(409, 'topic_exists', `While ${what}: ${message}`)
  }
  if (err.type === 'UNKNOWN_TOPIC_OR_PARTITION') {
    return new ApiError(404, 'topic_not_found', `While ${what}: ${message}`)
  }
  return new ApiError(502, 'kafka_error', `The cluster refused ${what}: ${message}`, {
    kafkaError: err.type ?? err.name ?? null,
  })
}
