/** When a windowed aggregation emits: on every update (default) or once per closed window. */
export class EmitStrategy {
  private constructor(readonly type: 'onWindowUpdate' | 'onWindowClose') {}

  static onWindowUpdate(): EmitStrategy {
    return new EmitStrategy('onWindowUpdate')
  }

  static onWindowClose(): EmitStrategy {
    return new EmitStrategy('onWindowClose')
  }
}
