import { describe, expect, it } from 'vitest'
import { isJavaScriptPattern, topicPattern } from './topic-pattern'

describe('topicPattern', () => {
  it('uses a plain RegExp when JavaScript prints the pattern back unchanged', () => {
    const regex = topicPattern('orders\\..*')
    expect(regex.source).toBe('orders\\..*')
    expect(regex.test('orders.eu')).toBe(true)
    expect(isJavaScriptPattern('orders\\..*')).toBe(true)
  })

  it('keeps the text of patterns JavaScript would print differently', () => {
    const slash = topicPattern('a/b')
    expect(slash.source).toBe('a/b')
    expect(slash.test('a/b')).toBe(true)
    expect(topicPattern('').source).toBe('')
  })

  it('keeps Java-only syntax as text and matches nothing with it', () => {
    const regex = topicPattern('\\p{javaLowerCase}++')
    expect(isJavaScriptPattern('\\p{javaLowerCase}++')).toBe(false)
    expect(regex.source).toBe('\\p{javaLowerCase}++')
    expect(regex.test('abc')).toBe(false)
  })
})
