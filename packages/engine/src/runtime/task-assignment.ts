// Which stream thread runs which task. A task is a sub-topology at one partition (`1_3`): it
// reads that partition of every source topic of the sub-topology, which keeps co-partitioned
// inputs together. Tasks are spread evenly over the group's members, and a member keeps the
// tasks it ran before where balance allows, so local state is not moved without need.

export interface TaskId {
  readonly subtopology: number
  readonly partition: number
}

export interface GroupMember {
  readonly id: string
  /** Tasks it ran in the previous generation (`"0_1"` form). */
  readonly previousTasks: readonly string[]
}

export function taskName(task: TaskId): string {
  return `${task.subtopology}_${task.partition}`
}

/** The task a name such as `1_3` stands for. */
export function parseTaskName(name: string): TaskId {
  const match = /^(\d+)_(\d+)$/.exec(name)
  if (match === null)
    throw new RangeError(`Not a task name: ${name} (expected <subtopology>_<partition>)`)
  return { subtopology: Number(match[1]), partition: Number(match[2]) }
}

/** Every task of an application: sub-topology × partition, in sub-topology then partition order. */
export function allTasks(tasksPerSubtopology: ReadonlyMap<number, number>): TaskId[] {
  return [...tasksPerSubtopology]
    .sort(([a], [b]) => a - b)
    .flatMap(([subtopology, count]) =>
      Array.from({ length: count }, (_, partition) => ({ subtopology, partition })),
    )
}

/**
 * Assigns every task to one member: each gets ⌊tasks/members⌋ or one more, and at most its
 * share (rounded up) of each sub-topology's tasks, so that stateful and stateless work spread
 * alike. Previous owners keep their tasks first (members with more previous tasks get the
 * extra slots), then the rest go, in task order, to the member with the fewest tasks of that
 * sub-topology, then the most room (ties by member id).
 */
export function assignTasks(
  tasks: readonly TaskId[],
  members: readonly GroupMember[],
): Map<string, TaskId[]> {
  if (members.length === 0) throw new Error('Cannot assign tasks to an empty group')
  const byName = new Map(tasks.map((task) => [taskName(task), task]))
  const ordered = [...members].sort(
    (a, b) => owned(b, byName) - owned(a, byName) || compareText(a.id, b.id),
  )
  const base = Math.floor(tasks.length / members.length)
  const extra = tasks.length % members.length
  const capacity = new Map(ordered.map((m, i) => [m.id, base + (i < extra ? 1 : 0)]))
  const assignment = new Map(members.map((m) => [m.id, [] as TaskId[]]))
  const taken = new Set<string>()
  const perSubtopology = new Map<number, number>()
  for (const task of tasks) {
    perSubtopology.set(task.subtopology, (perSubtopology.get(task.subtopology) ?? 0) + 1)
  }
  const fairShare = (subtopology: number) =>
    Math.ceil((perSubtopology.get(subtopology) ?? 0) / members.length)
  const countOf = (memberId: string, subtopology: number) =>
    (assignment.get(memberId) as TaskId[]).filter((t) => t.subtopology === subtopology).length

  for (const member of ordered) {
    const list = assignment.get(member.id) as TaskId[]
    for (const name of [...member.previousTasks].sort(compareText)) {
      const task = byName.get(name)
      if (
        task === undefined ||
        taken.has(name) ||
        list.length >= (capacity.get(member.id) ?? 0) ||
        countOf(member.id, task.subtopology) >= fairShare(task.subtopology)
      ) {
        continue
      }
      list.push(task)
      taken.add(name)
    }
  }
  for (const task of tasks) {
    const name = taskName(task)
    if (taken.has(name)) continue
    const member = ordered
      .map((m) => ({
        id: m.id,
        room: (capacity.get(m.id) ?? 0) - (assignment.get(m.id) as TaskId[]).length,
        same: countOf(m.id, task.subtopology),
      }))
      .filter((m) => m.room > 0)
      .sort((a, b) => a.same - b.same || b.room - a.room || compareText(a.id, b.id))[0] as {
      id: string
    }
    ;(assignment.get(member.id) as TaskId[]).push(task)
    taken.add(name)
  }
  for (const list of assignment.values()) list.sort(compareTasks)
  return assignment
}

function owned(member: GroupMember, tasks: ReadonlyMap<string, TaskId>): number {
  return member.previousTasks.filter((name) => tasks.has(name)).length
}

function compareTasks(a: TaskId, b: TaskId): number {
  return a.subtopology - b.subtopology || a.partition - b.partition
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
