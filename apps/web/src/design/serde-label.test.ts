import { describe, expect, it } from 'vitest'
import { serdeLabel } from './serde-label'

const defaults = { 'default.key.serde': 'String', 'default.value.serde': 'Json' }

describe('serdeLabel', () => {
  it('names known serdes as they are', () => {
    expect(serdeLabel({ key: 'String', value: 'Long', keyWindowed: false }, defaults).text).toBe(
      'String, Long',
    )
  })

  it('stars the default serde where none is known, and says so in the title', () => {
    const label = serdeLabel({ key: null, value: 'Long', keyWindowed: false }, defaults)
    expect(label.text).toBe('String*, Long')
    expect(label.title).toContain('Key: String (the default serde)')
  })

  it('shows windowed keys as Windowed<K>', () => {
    expect(
      serdeLabel({ key: 'TimeWindowed(String)', value: 'Long', keyWindowed: true }, {}).text,
    ).toBe('Windowed<String>, Long')
    expect(serdeLabel({ key: null, value: null, keyWindowed: true }, defaults).text).toBe(
      'Windowed<String*>, Json*',
    )
  })

  it('says when there is no serde at all', () => {
    const label = serdeLabel({ key: null, value: null, keyWindowed: false }, {})
    expect(label.text).toBe('?, ?')
    expect(label.title).toContain('no default is configured')
  })
})
