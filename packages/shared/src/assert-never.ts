/**
 * Marks a branch the type checker has proven unreachable, so a `switch` over a union (node kinds,
 * shapes, window types) fails to compile when a new member is added and not handled.
 *
 * @param value - the value whose type has been narrowed to `never`
 * @param message - optional text for the error thrown if the branch runs anyway
 * @returns never; it throws, because reaching it means the data did not match its type
 */
export function assertNever(value: never, message?: string): never {
  throw new Error(message ?? `Unhandled case: ${JSON.stringify(value)}`)
}
