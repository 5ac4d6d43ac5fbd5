/**
 * What a node outputs, in Kafka Streams' types: `stream` is a KStream, `groupedStream` a
 * KGroupedStream, `windowedStream` a TimeWindowedKStream (tumbling, hopping or sliding windows),
 * `sessionWindowedStream` a SessionWindowedKStream, `windowedTable` the KTable with windowed keys
 * that a windowed aggregation returns. `none` is the output of a terminal node (sink, foreach);
 * `unknown` means the shape cannot be inferred because the node's inputs are missing or wrong.
 */
export const SHAPES = [
  'stream',
  'table',
  'globalTable',
  'groupedStream',
  'groupedTable',
  'windowedStream',
  'sessionWindowedStream',
  'windowedTable',
  'none',
  'unknown',
] as const
export type Shape = (typeof SHAPES)[number]

const shapeNames: Readonly<Record<Shape, string>> = {
  stream: 'a KStream',
  table: 'a KTable',
  globalTable: 'a GlobalKTable',
  groupedStream: 'a KGroupedStream',
  groupedTable: 'a KGroupedTable',
  windowedStream: 'a TimeWindowedKStream',
  sessionWindowedStream: 'a SessionWindowedKStream',
  windowedTable: 'a windowed KTable',
  none: 'no output',
  unknown: 'an unknown type',
}

/** The Kafka Streams type of a shape with its article, for messages ("a KGroupedStream"). */
export function shapeName(shape: Shape): string {
  return shapeNames[shape]
}

/** KTable-like shapes: a windowed aggregation result is still a KTable. */
export function isTableShape(shape: Shape): boolean {
  return shape === 'table' || shape === 'windowedTable'
}
