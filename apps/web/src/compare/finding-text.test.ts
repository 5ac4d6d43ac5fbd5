import { upgradeReport } from '@topology-studio/engine'
import { wordCountDesign, type GraphNode } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { findingText } from './finding-text'

describe('findingText', () => {
  it('says what a renamed store and its topics cost', () => {
    const before = wordCountDesign()
    const after = {
      ...before,
      nodes: before.nodes.map((n) =>
        n.id === 'count' ? ({ ...n, params: { storeName: 'totals' } } as GraphNode) : n,
      ),
    }
    expect(upgradeReport(before, after).findings?.map(findingText)).toEqual([
      'Store "counts" of count "Count" becomes "totals": the new store starts empty.',
      'Changelog topic "counts-changelog" is replaced by "totals-changelog"; the old one is left on the cluster.',
      'Repartition topic "counts-repartition" becomes "totals-repartition": records written to the old topic but not yet read are lost.',
    ])
  })
})
