// What the group leader decides at each rebalance: which stream thread runs which task, and
// which instances keep standby copies of stateful tasks. Pure: the kafkajs assignor
// (streams-assignor.ts) encodes its inputs and outputs.
import type { InternalTopicPlan } from '../runtime/internal-topic-plan'
import { allTasks, assignTasks, taskName, type TaskId } from '../runtime/task-assignment'

/** What each stream thread tells the leader when it joins (the subscription's user data). */
export interface ThreadSubscription {
  readonly memberId: string
  /** One per KafkaStreams instance; standbys go to other instances than the active. */
  readonly processId: string
  readonly endpoint: string | null
  readonly previousActive: readonly string[]
  readonly previousStandby: readonly string[]
}

/** One instance's tasks, as every member learns them (metadataForAllStreamsClients). */
export interface ClientAssignment {
  readonly processId: string
  readonly endpoint: string | null
  readonly active: readonly string[]
  readonly standby: readonly string[]
}

export interface ThreadAssignment {
  readonly active: readonly string[]
  readonly standby: readonly string[]
  /** Input partitions of the active tasks, by topic. */
  readonly partitions: Readonly<Record<string, number[]>>
}

export interface GroupAssignment {
  readonly threads: ReadonlyMap<string, ThreadAssignment>
  readonly clients: readonly ClientAssignment[]
}

export function assignStreamsTasks(
  plan: InternalTopicPlan,
  members: readonly ThreadSubscription[],
  numStandbyReplicas: number,
): GroupAssignment {
  const tasks = allTasks(plan.tasksPerSubtopology)
  const active = assignTasks(
    tasks,
    members.map((m) => ({ id: m.memberId, previousTasks: m.previousActive })),
  )
  const standby = new Map(members.map((m) => [m.memberId, [] as string[]]))
  const stateful = new Set(
    plan.subtopologies.filter((s) => s.changelogs.length > 0).map((s) => s.id),
  )
  const processOf = new Map(members.map((m) => [m.memberId, m.processId]))
  const load = (memberId: string) =>
    (active.get(memberId)?.length ?? 0) + (standby.get(memberId)?.length ?? 0)
  const ownerOf = new Map<string, string>()
  for (const [memberId, list] of active)
    for (const task of list) ownerOf.set(taskName(task), memberId)

  for (const task of tasks) {
    if (!stateful.has(task.subtopology)) continue
    const name = taskName(task)
    const used = new Set([processOf.get(ownerOf.get(name) ?? '')])
    for (let replica = 0; replica < numStandbyReplicas; replica++) {
      const candidates = members.filter((m) => !used.has(m.processId))
      if (candidates.length === 0) break
      // A member that held the task keeps its copy warm; otherwise the least loaded.
      const chosen = [...candidates].sort(
        (a, b) =>
          Number(held(b, name)) - Number(held(a, name)) ||
          load(a.memberId) - load(b.memberId) ||
          (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
      )[0] as ThreadSubscription
      ;(standby.get(chosen.memberId) as string[]).push(name)
      used.add(chosen.processId)
    }
  }

  const threads = new Map<string, ThreadAssignment>()
  for (const member of members) {
    const own = active.get(member.memberId) ?? []
    threads.set(member.memberId, {
      active: own.map(taskName),
      standby: standby.get(member.memberId) ?? [],
      partitions: inputPartitions(plan, own),
    })
  }
  const clients = new Map<
    string,
    { endpoint: string | null; active: string[]; standby: string[] }
  >()
  for (const member of members) {
    const client = clients.get(member.processId) ?? {
      endpoint: member.endpoint,
      active: [],
      standby: [],
    }
    const thread = threads.get(member.memberId) as ThreadAssignment
    client.active.push(...thread.active)
    client.standby.push(...thread.standby)
    clients.set(member.processId, client)
  }
  return {
    threads,
    clients: [...clients].map(([processId, c]) => ({
      processId,
      endpoint: c.endpoint,
      active: c.active.sort(),
      standby: c.standby.sort(),
    })),
  }
}

function held(member: ThreadSubscription, task: string): boolean {
  return member.previousStandby.includes(task) || member.previousActive.includes(task)
}

/** A task reads its partition of every source topic of its sub-topology that has it. */
export function inputPartitions(
  plan: InternalTopicPlan,
  tasks: readonly TaskId[],
): Record<string, number[]> {
  const partitions: Record<string, number[]> = {}
  for (const task of tasks) {
    const sub = plan.subtopologies.find((s) => s.id === task.subtopology)
    for (const topic of sub?.sourceTopics ?? []) {
      if (task.partition >= (plan.partitions.get(topic) ?? 0)) continue
      ;(partitions[topic] ??= []).push(task.partition)
    }
  }
  return partitions
}

/** The task reading `topic`'s `partition`; each topic is read by one sub-topology. */
export function taskOfPartition(
  plan: InternalTopicPlan,
  topic: string,
  partition: number,
): string | null {
  const sub = plan.subtopologies.find((s) => s.sourceTopics.includes(topic))
  return sub === undefined ? null : `${sub.id}_${partition}`
}
