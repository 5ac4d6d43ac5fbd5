// Source patterns in describe() text are Java regexes. The engine prints a pattern source with
// RegExp#source, which escapes "/" and spells the empty pattern "(?:)", and some Java syntax is
// no JavaScript regex at all. To print the text back unchanged, such patterns become a RegExp
// whose `source` is the original text.

/** Whether `pattern` is also a JavaScript regex that prints back as itself. */
export function isJavaScriptPattern(pattern: string): boolean {
  try {
    return new RegExp(pattern).source === pattern
  } catch {
    return false
  }
}

/** A RegExp for a source subscription that describe() prints as `pattern`. */
export function topicPattern(pattern: string): RegExp {
  if (isJavaScriptPattern(pattern)) return new RegExp(pattern)
  let regex: RegExp
  try {
    regex = new RegExp(pattern)
  } catch {
    // Matches nothing: better than guessing what a Java-only construct meant.
    regex = /(?!)/
  }
  Object.defineProperty(regex, 'source', { value: pattern })
  return regex
}
