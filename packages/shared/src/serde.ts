import { z } from 'zod'

/** The built-in serdes a design can pick for keys and values, named as in Kafka's `Serdes`. */
export const SerdeSchema = z.enum(['String', 'Long', 'Integer', 'Double', 'ByteArray', 'Json'])
export type Serde = z.infer<typeof SerdeSchema>
