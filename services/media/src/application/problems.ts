import { problems, type Problem } from '@eventonight/platform';
import { MediaRuleError } from '../domain/errors.js';

/** Domain refusals as the client sees them: a broken rule is 422, a forbidden state 409. */
export function ruleProblem(error: MediaRuleError): Problem {
  return error.kind === 'state' ? problems.conflict(error.message) : problems.unprocessable(error.message);
}

/** Runs a domain decision, translating its refusal; other errors pass through untouched. */
export function decideOrRefuse<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof MediaRuleError) throw ruleProblem(error);
    throw error;
  }
}

export const assetNotFound = (): Problem => problems.notFound('No such media asset.');
