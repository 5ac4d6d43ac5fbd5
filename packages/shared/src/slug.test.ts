import { describe, expect, it } from 'vitest'
import { slug } from './slug'

describe('slug', () => {
  it('makes lower-case dash-joined words without accents', () => {
    expect(slug('Latest price per ISIN (2 s)')).toBe('latest-price-per-isin-2-s')
    expect(slug('Crème brûlée')).toBe('creme-brulee')
  })

  it('falls back when nothing is left', () => {
    expect(slug('!!!')).toBe('design')
    expect(slug('!!!', 'count')).toBe('count')
  })
})
