import { planGraph } from '@topology-studio/engine'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { planTopics } from './plan-topics'

describe('planTopics', () => {
  it('lists the topics of word count with internal topics named as on the cluster', () => {
    const { plan } = planGraph(
      wordCountDesign({ input: 'lines', output: 'counts', applicationId: 'wc' }),
    )
    expect(planTopics(plan!, 'wc')).toEqual({
      sources: [{ name: 'lines', role: 'read by sub-topology 0' }],
      sinks: [{ name: 'counts', role: 'written by sub-topology 1' }],
      repartition: [
        {
          name: 'wc-counts-repartition',
          role: 'written by sub-topology 0, read by sub-topology 1',
        },
      ],
      changelog: [{ name: 'wc-counts-changelog', role: 'backs store counts' }],
    })
  })
})
