// The one line a node shows under its name: the parameter a Kafka developer looks for first.
import {
  assertNever,
  type FunctionParam,
  type GraphNode,
  type Window as DesignWindow,
} from '@topology-studio/shared'
import { durationParts } from './duration-units'

const fn = (param: FunctionParam | undefined) =>
  param === undefined ? '' : param.lang === 'expression' ? param.source : 'JavaScript'

export function durationText(ms: number): string {
  const { amount, unit } = durationParts(ms)
  return `${amount} ${unit}`
}

export function nodeSummary(node: GraphNode): string {
  switch (node.kind) {
    case 'stream':
      return 'topics' in node.params
        ? node.params.topics.join(', ')
        : `/${node.params.topicPattern}/`
    case 'table':
    case 'globalTable':
      return node.params.topic
    case 'sink':
      return 'topic' in node.params ? node.params.topic : `by ${fn(node.params.topicExtractor)}`
    case 'filter':
    case 'filterNot':
      return fn(node.params.predicate)
    case 'map':
      return `${fn(node.params.key)} → ${fn(node.params.value)}`
    case 'mapValues':
    case 'flatMap':
    case 'flatMapValues':
      return fn(node.params.mapper)
    case 'selectKey':
    case 'groupBy':
      return `key: ${fn(node.params.keySelector)}`
    case 'peek':
    case 'foreach':
      return fn(node.params.action)
    case 'split':
      return `${node.params.branches.length} branch${node.params.branches.length === 1 ? '' : 'es'}${node.params.defaultBranch ? ' + default' : ''}`
    case 'windowedBy':
      return windowText(node.params.window)
    case 'cogroup': {
      const inputs = `${node.params.inputs.length} input${node.params.inputs.length === 1 ? '' : 's'}`
      const window = node.params.window === undefined ? '' : `, ${windowText(node.params.window)}`
      const store =
        node.params.storeName === undefined ? 'unnamed store' : `store ${node.params.storeName}`
      return `${inputs}${window}, ${store}`
    }
    case 'count':
    case 'reduce':
    case 'aggregate':
      return node.params.storeName === undefined
        ? 'unnamed store'
        : `store ${node.params.storeName}`
    case 'join':
      return `${node.params.joinType}${node.params.window === undefined ? '' : ` ±${durationText(node.params.window.afterMs)}`}${node.params.foreignKey === undefined ? '' : ' by foreign key'}`
    case 'suppress':
      return node.params.mode === 'untilWindowCloses' ? 'until window closes' : 'until time limit'
    case 'process':
      return `${node.params.stores.length} store${node.params.stores.length === 1 ? '' : 's'}`
    case 'repartition':
      return node.params.numberOfPartitions === undefined
        ? 'same partitions'
        : `${node.params.numberOfPartitions} partitions`
    default:
      return ''
  }
}

function windowText(w: DesignWindow): string {
  const grace = w.graceMs === undefined ? '' : `, grace ${durationText(w.graceMs)}`
  switch (w.type) {
    case 'tumbling':
      return `tumbling ${durationText(w.sizeMs)}${grace}`
    case 'hopping':
      return `hopping ${durationText(w.sizeMs)} every ${durationText(w.advanceMs)}${grace}`
    case 'sliding':
      return `sliding ${durationText(w.timeDifferenceMs)}${grace}`
    case 'session':
      return `session gap ${durationText(w.inactivityGapMs)}${grace}`
    default:
      return assertNever(w)
  }
}
