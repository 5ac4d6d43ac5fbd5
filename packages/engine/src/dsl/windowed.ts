/** A window's bounds in milliseconds: `[start, end)` for time windows, inclusive for sessions. */
export class Window {
  constructor(
    readonly startMs: number,
    readonly endMs: number,
  ) {
    if (startMs < 0) throw new RangeError('Window startMs time cannot be negative.')
    if (endMs < startMs)
      throw new RangeError('Window endMs time cannot be smaller than window startMs time.')
  }

  start(): number {
    return this.startMs
  }

  end(): number {
    return this.endMs
  }
}

/** A key of a windowed aggregation, printed by Java as `[key@start/end]`. */
export class Windowed<K> {
  constructor(
    readonly windowKey: K,
    readonly windowValue: Window,
  ) {}

  key(): K {
    return this.windowKey
  }

  window(): Window {
    return this.windowValue
  }

  toString(): string {
    return `[${String(this.windowKey)}@${this.windowValue.startMs}/${this.windowValue.endMs}]`
  }
}
