import { describe, expect, it } from 'vitest'
import type { InternalTopicPlan } from '../runtime/internal-topic-plan'
import { parseTaskName } from '../runtime/task-assignment'
import { assignStreamsTasks, inputPartitions, taskOfPartition } from './streams-assignment'

// Sub-topology 0 reads `lines` (stateless, writes a repartition topic), 1 reads the
// repartition topic and keeps a logged store; both have 2 partitions.
const plan: InternalTopicPlan = {
  topics: [],
  tasksPerSubtopology: new Map([
    [0, 2],
    [1, 2],
  ]),
  subtopologies: [
    { id: 0, sourceTopics: ['lines'], changelogs: [] },
    {
      id: 1,
      sourceTopics: ['app-r-repartition'],
      changelogs: [{ store: 's', topic: 'app-s-changelog' }],
    },
  ],
  partitions: new Map([
    ['lines', 2],
    ['app-r-repartition', 2],
    ['app-s-changelog', 2],
  ]),
}

const member = (memberId: string, processId: string, previousActive: string[] = []) => ({
  memberId,
  processId,
  endpoint: `${processId}:8080`,
  previousActive,
  previousStandby: [],
})

describe('streams task assignment', () => {
  it('gives every task to one thread with the input partitions it reads', () => {
    const result = assignStreamsTasks(plan, [member('m1', 'p1'), member('m2', 'p2')], 0)
    const m1 = result.threads.get('m1')
    const m2 = result.threads.get('m2')
    expect([...(m1?.active ?? []), ...(m2?.active ?? [])].sort()).toEqual([
      '0_0',
      '0_1',
      '1_0',
      '1_1',
    ])
    // Each instance gets stateful and stateless work.
    expect(m1?.active.filter((t) => t.startsWith('1_'))).toHaveLength(1)
    expect(m1?.partitions).toEqual(inputPartitions(plan, (m1?.active ?? []).map(parseTaskName)))
    expect(result.clients.map((c) => c.endpoint).sort()).toEqual(['p1:8080', 'p2:8080'])
  })

  it('puts standby copies of stateful tasks on another instance than the active', () => {
    const result = assignStreamsTasks(
      plan,
      [member('a1', 'p1'), member('a2', 'p1'), member('b1', 'p2')],
      1,
    )
    for (const client of result.clients) {
      for (const task of client.standby) {
        expect(task.startsWith('1_')).toBe(true)
        expect(client.active).not.toContain(task)
      }
    }
    expect(result.clients.flatMap((c) => c.standby).sort()).toEqual(['1_0', '1_1'])
  })

  it('assigns no standbys when there is no other instance', () => {
    const result = assignStreamsTasks(plan, [member('a1', 'p1'), member('a2', 'p1')], 2)
    expect(result.clients[0]?.standby).toEqual([])
  })

  it('maps an input partition to its task', () => {
    expect(taskOfPartition(plan, 'app-r-repartition', 1)).toBe('1_1')
    expect(taskOfPartition(plan, 'unknown', 0)).toBeNull()
  })
})
