import { describe, expect, it } from 'vitest'
import { SnapshotDelivery } from './snapshot-delivery'

describe('SnapshotDelivery', () => {
  it('sends the newest snapshot once the previous one is acknowledged, dropping the ones between', () => {
    const sent: number[] = []
    const acks: (() => void)[] = []
    const delivery = new SnapshotDelivery<number>((payload, done) => {
      sent.push(payload)
      acks.push(done)
    })
    delivery.offer(1)
    delivery.offer(2)
    delivery.offer(3)
    delivery.offer(4)
    expect(sent).toEqual([1])
    acks.shift()?.()
    expect(sent).toEqual([1, 4])
    acks.shift()?.()
    delivery.offer(5)
    expect(sent).toEqual([1, 4, 5])
  })
})
