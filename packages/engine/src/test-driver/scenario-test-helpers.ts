// Shared by scenario tests: String default serdes without caching, and output read as
// [key, value, timestamp] triples.
import { Serdes } from '../serde/serdes'
import type { Serde } from '../serde/serde'
import type { TopologyTestDriver } from './topology-test-driver'

const S = Serdes.String()

export const stringProps = {
  'application.id': 'app',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}

export function records<K = string, V = string>(
  driver: TopologyTestDriver,
  topic: string,
  k: Serde<K> = S as unknown as Serde<K>,
  v: Serde<V> = S as unknown as Serde<V>,
) {
  return driver
    .createOutputTopic(topic, k, v)
    .readRecordsToList()
    .map((r) => [r.key(), r.value(), r.timestamp()] as [K | null, V | null, number])
}
