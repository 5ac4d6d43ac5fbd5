// Upgrade findings as the sentences the compare view lists.
import type { UpgradeFinding } from '@topology-studio/engine'
import { assertNever } from '@topology-studio/shared'

export function findingText(finding: UpgradeFinding): string {
  switch (finding.kind) {
    case 'application-id-changed':
      return `The application id changes from "${finding.from}" to "${finding.to}": a new consumer group and new internal topics, so all state and committed offsets are left behind.`
    case 'store-renamed':
      return `Store "${finding.store}" of ${finding.node} becomes "${finding.to}": the new store starts empty.`
    case 'store-dropped':
      return `Store "${finding.store}"${finding.node === null ? '' : ` of ${finding.node}`} is dropped, with its state.`
    case 'changelog-renamed':
      return `Changelog topic "${finding.topic}" is replaced by "${finding.to}"; the old one is left on the cluster.`
    case 'changelog-dropped':
      return `Changelog topic "${finding.topic}" is no longer used; it is left on the cluster.`
    case 'repartition-renamed':
      return `Repartition topic "${finding.topic}" becomes "${finding.to}": records written to the old topic but not yet read are lost.`
    case 'repartition-dropped':
      return `Repartition topic "${finding.topic}" is no longer used: records in it that were not yet read are lost.`
    case 'serde-changed':
      return finding.stateful
        ? `The ${finding.side} serde of ${finding.node} changes from ${finding.from} to ${finding.to}: its store holds ${finding.from} data it can no longer read.`
        : `The ${finding.side} serde of ${finding.node} changes from ${finding.from} to ${finding.to}: consumers of its topic see the new format.`
    default:
      return assertNever(finding)
  }
}
