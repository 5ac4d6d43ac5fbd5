// The partition assignor every stream thread registers with kafkajs: members send what they
// ran before and which instance they belong to; the leader assigns tasks (assignStreamsTasks)
// and sends each member the input partitions of its active tasks plus, as user data, its
// standby tasks and every instance's tasks.
import kafkajs, { type PartitionAssigner } from 'kafkajs'
import type { InternalTopicPlan } from '../runtime/internal-topic-plan'
import {
  assignStreamsTasks,
  type ClientAssignment,
  type ThreadSubscription,
} from './streams-assignment'
// kafkajs is CommonJS: Node's ESM loader sees only its default export.
const { AssignerProtocol } = kafkajs

export const STREAMS_ASSIGNOR = 'topology-studio-streams'
const VERSION = 1

export interface SubscriptionUserData {
  readonly processId: string
  readonly endpoint: string | null
  readonly previousActive: readonly string[]
  readonly previousStandby: readonly string[]
}

export interface AssignmentUserData {
  readonly active: readonly string[]
  readonly standby: readonly string[]
  readonly clients: readonly ClientAssignment[]
}

export interface StreamsAssignorOptions {
  /** The plan against the cluster as it is now (partition counts may have changed). */
  readonly plan: () => Promise<InternalTopicPlan>
  readonly subscription: () => SubscriptionUserData
  readonly numStandbyReplicas: number
}

function json(buffer: Buffer | null | undefined): unknown {
  if (buffer === null || buffer === undefined || buffer.length === 0) return null
  return JSON.parse(buffer.toString('utf8'))
}

/** Reads the assignment's user data from a member assignment (as describeGroups returns it). */
export function decodeAssignmentUserData(memberAssignment: Buffer): AssignmentUserData | null {
  const decoded = AssignerProtocol.MemberAssignment.decode(memberAssignment)
  const data = json(decoded?.userData) as AssignmentUserData | null
  return data !== null && Array.isArray(data.active) ? data : null
}

export function streamsAssignor(options: StreamsAssignorOptions): PartitionAssigner {
  return () => ({
    name: STREAMS_ASSIGNOR,
    version: VERSION,
    protocol({ topics }) {
      return {
        name: STREAMS_ASSIGNOR,
        metadata: AssignerProtocol.MemberMetadata.encode({
          version: VERSION,
          topics,
          userData: Buffer.from(JSON.stringify(options.subscription())),
        }),
      }
    },
    async assign({ members }) {
      const subscriptions: ThreadSubscription[] = members.map((member) => {
        const metadata = AssignerProtocol.MemberMetadata.decode(member.memberMetadata)
        const data = json(metadata?.userData) as SubscriptionUserData | null
        if (data === null || typeof data.processId !== 'string') {
          throw new Error(
            `Member ${member.memberId} of the group does not speak the ${STREAMS_ASSIGNOR} protocol: every member of a Kafka Streams application's group must be a stream thread of the same application`,
          )
        }
        return {
          memberId: member.memberId,
          processId: data.processId,
          endpoint: data.endpoint,
          previousActive: data.previousActive,
          previousStandby: data.previousStandby,
        }
      })
      const plan = await options.plan()
      const assignment = assignStreamsTasks(plan, subscriptions, options.numStandbyReplicas)
      return subscriptions.map(({ memberId }) => {
        const thread = assignment.threads.get(memberId)
        const userData: AssignmentUserData = {
          active: thread?.active ?? [],
          standby: thread?.standby ?? [],
          clients: assignment.clients,
        }
        return {
          memberId,
          memberAssignment: AssignerProtocol.MemberAssignment.encode({
            version: VERSION,
            assignment: thread?.partitions ?? {},
            userData: Buffer.from(JSON.stringify(userData)),
          }),
        }
      })
    },
  })
}
