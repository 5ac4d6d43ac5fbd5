// Every DSL operator the runtime runs, by the Kafka Streams processor name the DSL gives it.
import type { OperatorDefinition } from '../../topology/node-factory'
import { StreamsException } from '../streams-exception'
import type { OperatorFactory, OperatorNode, OperatorProcessor } from './operator-processor'
import { statelessOperators } from './stateless-operators'
import { streamAggregateOperators } from './stream-aggregate-operators'
import { streamStreamJoinOperators } from './stream-stream-join-operators'
import { streamTableJoinOperators } from './stream-table-join-operators'
import { tableSourceOperators } from './table-source-operator'
import { windowedAggregateOperators } from './windowed-aggregate-operators'
import { cogroupAggregateOperators } from './cogroup-aggregate-operator'
import { suppressOperators } from './suppress-operator'
import { tableOperators } from './table-operators'
import { tableJoinOperators } from './table-join-operators'
import { tableAggregateOperators } from './table-aggregate-operators'
import { foreignKeyJoinOperators } from './foreign-key-join-operators'

const FACTORIES: Readonly<Record<string, OperatorFactory>> = {
  ...statelessOperators,
  ...tableSourceOperators,
  ...streamAggregateOperators,
  ...windowedAggregateOperators,
  ...cogroupAggregateOperators,
  ...suppressOperators,
  ...streamStreamJoinOperators,
  ...streamTableJoinOperators,
  ...tableOperators,
  ...tableJoinOperators,
  ...tableAggregateOperators,
  ...foreignKeyJoinOperators,
}

export function createOperatorProcessor(
  definition: OperatorDefinition,
  node: OperatorNode,
): OperatorProcessor {
  const factory = FACTORIES[definition.operator]
  if (factory === undefined) {
    throw new StreamsException(
      `Processor ${node.name} runs operator ${definition.operator}, which this runtime does not implement yet`,
    )
  }
  return factory(definition, node)
}
