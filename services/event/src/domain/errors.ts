/**
 * Why the domain refused a command. `invalid` = the request is well formed but breaks a
 * rule (dates, tiers); `transition` = the event's current state forbids it. The application
 * layer turns them into 422 and 409 problems.
 */
export interface RuleIssue {
  path: string;
  message: string;
}

export class EventRuleError extends Error {
  constructor(
    readonly kind: 'invalid' | 'transition',
    message: string,
    readonly issues: readonly RuleIssue[] = [],
  ) {
    super(message);
    this.name = 'EventRuleError';
  }
}

export function invalid(issues: RuleIssue[]): EventRuleError {
  const first = issues[0];
  const summary = issues.length === 1 && first !== undefined ? `${first.path} ${first.message}.` : 'The event breaks several rules; see errors.';
  return new EventRuleError('invalid', summary, issues);
}

export function illegalTransition(message: string): EventRuleError {
  return new EventRuleError('transition', message);
}
