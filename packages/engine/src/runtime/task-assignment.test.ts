import { describe, expect, it } from 'vitest'
import { allTasks, assignTasks, taskName, type GroupMember } from './task-assignment'

const tasks = allTasks(
  new Map([
    [1, 2],
    [0, 3],
  ]),
)
const names = (assignment: Map<string, { subtopology: number; partition: number }[]>) =>
  Object.fromEntries([...assignment].map(([id, list]) => [id, list.map(taskName)]))

describe('task assignment', () => {
  it('lists the tasks of every sub-topology and partition', () => {
    expect(tasks.map(taskName)).toEqual(['0_0', '0_1', '0_2', '1_0', '1_1'])
  })

  it('spreads tasks evenly over new members, and the tasks of each sub-topology too', () => {
    const members: GroupMember[] = [
      { id: 'b', previousTasks: [] },
      { id: 'a', previousTasks: [] },
    ]
    expect(names(assignTasks(tasks, members))).toEqual({
      b: ['0_1', '1_1'],
      a: ['0_0', '0_2', '1_0'],
    })
  })

  it('keeps previous owners where balance allows and moves only what must move', () => {
    const before = { a: ['0_0', '0_1', '0_2', '1_0', '1_1'] }
    const members: GroupMember[] = [
      { id: 'a', previousTasks: before.a },
      { id: 'b', previousTasks: [] },
    ]
    const after = names(assignTasks(tasks, members))
    // a keeps its share of each sub-topology, so both members get stateful work.
    expect(after).toEqual({ a: ['0_0', '0_1', '1_0'], b: ['0_2', '1_1'] })
    // b leaves: a takes everything back, keeping what it had.
    expect(names(assignTasks(tasks, [{ id: 'a', previousTasks: after.a as string[] }]))).toEqual({
      a: ['0_0', '0_1', '0_2', '1_0', '1_1'],
    })
  })

  it('gives each task to exactly one member and ignores tasks that no longer exist', () => {
    const members: GroupMember[] = [
      { id: 'x', previousTasks: ['0_0', '9_9'] },
      { id: 'y', previousTasks: ['0_0', '0_1'] },
      { id: 'z', previousTasks: [] },
    ]
    const assigned = [...assignTasks(tasks, members).values()].flat().map(taskName).sort()
    expect(assigned).toEqual(['0_0', '0_1', '0_2', '1_0', '1_1'])
    const sizes = [...assignTasks(tasks, members).values()].map((l) => l.length).sort()
    expect(sizes).toEqual([1, 2, 2])
  })

  it('refuses an empty group', () => {
    expect(() => assignTasks(tasks, [])).toThrow(/empty group/)
  })
})
