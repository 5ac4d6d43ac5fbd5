import { assertNever, type FunctionParam, type GraphNode } from '@topology-studio/shared'

/** A function param of a node with its path, as diagnostics name it (`branches[1].predicate`). */
export interface LocatedFunctionParam {
  path: string
  param: FunctionParam
}

/** Lists every function param a node sets. */
export function functionParamsOf(node: GraphNode): LocatedFunctionParam[] {
  const found: LocatedFunctionParam[] = []
  const add = (path: string, param: FunctionParam | undefined) => {
    if (param) found.push({ path, param })
  }
  switch (node.kind) {
    case 'stream':
    case 'table':
    case 'globalTable':
    case 'merge':
    case 'repartition':
    case 'groupByKey':
    case 'windowedBy':
    case 'count':
    case 'toTable':
    case 'toStream':
    case 'suppress':
      break
    case 'filter':
    case 'filterNot':
      add('predicate', node.params.predicate)
      break
    case 'map':
      add('key', node.params.key)
      add('value', node.params.value)
      break
    case 'mapValues':
    case 'flatMap':
    case 'flatMapValues':
      add('mapper', node.params.mapper)
      break
    case 'selectKey':
      add('keySelector', node.params.keySelector)
      break
    case 'peek':
    case 'foreach':
      add('action', node.params.action)
      break
    case 'split':
      node.params.branches.forEach((branch, position) =>
        add(`branches[${position}].predicate`, branch.predicate),
      )
      break
    case 'groupBy':
      add('keySelector', node.params.keySelector)
      add('valueSelector', node.params.valueSelector)
      break
    case 'reduce':
      add('reducer', node.params.reducer)
      add('subtractor', node.params.subtractor)
      break
    case 'aggregate':
      add('initializer', node.params.initializer)
      add('aggregator', node.params.aggregator)
      add('subtractor', node.params.subtractor)
      add('merger', node.params.merger)
      break
    case 'cogroup':
      node.params.inputs.forEach((input, position) =>
        add(`inputs[${position}].aggregator`, input.aggregator),
      )
      add('initializer', node.params.initializer)
      add('merger', node.params.merger)
      break
    case 'join':
      add('joiner', node.params.joiner)
      add('keySelector', node.params.keySelector)
      add('foreignKey', node.params.foreignKey)
      break
    case 'process':
      add('processor', node.params.processor)
      break
    case 'sink':
      if ('topicExtractor' in node.params) add('topicExtractor', node.params.topicExtractor)
      break
    default:
      assertNever(node)
  }
  return found
}
