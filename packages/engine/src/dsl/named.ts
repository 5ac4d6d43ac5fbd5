import { validateName } from './internal/names'

/** A user-given processor name, as Kafka's `Named`. */
export class Named {
  private constructor(readonly name: string) {}

  static as(name: string): Named {
    return new Named(validateName(name))
  }

  withName(name: string): Named {
    return Named.as(name)
  }
}
