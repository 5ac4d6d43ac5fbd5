import type { PhysicalPlan } from '@topology-studio/shared'
import { planTopics, type PlannedTopic } from './plan-topics'

export interface TopicsPanelProps {
  plan: PhysicalPlan
  /** Null for an imported plan, whose application id is not known. */
  applicationId: string | null
}

const GROUPS = [
  ['sources', 'Source topics'],
  ['sinks', 'Sink topics'],
  ['repartition', 'Repartition topics (created by Kafka Streams)'],
  ['changelog', 'Changelog topics (created by Kafka Streams)'],
] as const

/** The topics the topology reads, writes and creates, so they can be provisioned up front. */
export function TopicsPanel({ plan, applicationId }: TopicsPanelProps) {
  const topics = planTopics(plan, applicationId)
  return (
    <div className="topics" data-testid="topics">
      {applicationId === null && (
        <p className="topics__note">
          On the cluster, internal topics are prefixed with the application id.
        </p>
      )}
      {GROUPS.map(([key, title]) => (
        <section key={key} aria-label={title}>
          <h3>{title}</h3>
          {topics[key].length === 0 ? (
            <p className="topics__none">None</p>
          ) : (
            <ul>
              {topics[key].map((topic: PlannedTopic) => (
                <li key={topic.name}>
                  <code>{topic.name}</code>
                  <span className="topics__role">{topic.role}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}
