import { problems, type Problem } from '@eventonight/platform';
import { EventRuleError } from '../domain/errors.js';

/** Domain refusals as the client sees them: a broken rule is 422, a forbidden transition 409. */
export function ruleProblem(error: EventRuleError): Problem {
  if (error.kind === 'transition') return problems.conflict(error.message);
  return problems.unprocessable(error.message, { errors: error.issues.map((issue) => ({ ...issue })) });
}

/** Runs a domain decision, translating its refusal; other errors pass through untouched. */
export function decideOrRefuse<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof EventRuleError) throw ruleProblem(error);
    throw error;
  }
}
