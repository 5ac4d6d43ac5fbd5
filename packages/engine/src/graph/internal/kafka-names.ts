const legalName = /^[a-zA-Z0-9._-]+$/
const maxNameLength = 249

/**
 * Checks a topic name, processor name (`Named`) or store name against Kafka's rules: 1–249
 * characters from `[a-zA-Z0-9._-]`, and not `.` or `..`.
 *
 * @returns why the name is rejected, phrased to follow the name ("is empty"), or undefined if legal
 */
export function kafkaNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty'
  if (name.length > maxNameLength) {
    return `is ${name.length} characters long; the limit is ${maxNameLength}`
  }
  if (name === '.' || name === '..') return `cannot be "${name}"`
  if (!legalName.test(name)) {
    const illegal = [...new Set([...name].filter((char) => !legalName.test(char)))]
    return `contains ${illegal.map((char) => JSON.stringify(char)).join(', ')}`
  }
  return undefined
}

/** Whether a user-typed name is blank, which Kafka treats like an illegal name. */
export function isBlank(value: string): boolean {
  return value.trim().length === 0
}
