/**
 * Why the domain refused a command. `invalid` = well-formed input that breaks a rule (422);
 * `state` = the asset's current state forbids it (409). The application layer maps them.
 */
export class MediaRuleError extends Error {
  constructor(
    readonly kind: 'invalid' | 'state',
    message: string,
  ) {
    super(message);
    this.name = 'MediaRuleError';
  }
}
