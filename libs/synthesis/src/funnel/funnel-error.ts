export type FunnelErrorCode = 'out_of_range' | 'unknown_stage' | 'no_conversion' | 'invalid_value';

/** Bad input to the funnel model or the what-if; `field` names the input at fault (the server answers 400 with it). */
export class FunnelInputError extends RangeError {
  constructor(
    readonly field: string,
    readonly code: FunnelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FunnelInputError';
  }
}
