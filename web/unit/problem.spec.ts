import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, problemMessage } from '../src/ui/problem';

const base = 'https://eventonight.dev/problems/';

describe('problem → sentence', () => {
  it('a sold-out conflict reads "Sold out"', () => {
    expect(problemMessage({ type: `${base}sold-out`, title: 'Sold out', status: 409, detail: 'Not enough tickets of this tier remain.' })).toMatch(/^Sold out/);
  });

  it('a known type gets its sentence, an unknown one the service’s detail', () => {
    expect(problemMessage({ type: `${base}forbidden`, title: 'Forbidden', status: 403, detail: 'Only participants may review.' })).toBe('You are not allowed to do that.');
    expect(problemMessage({ type: `${base}unprocessable`, title: 'Unprocessable request', status: 422, detail: 'The event has not started yet.' })).toBe('The event has not started yet.');
  });

  it('validation errors name the fields in words', () => {
    const message = problemMessage({
      type: `${base}validation`,
      title: 'Request validation failed',
      status: 400,
      detail: 'Invalid body',
      errors: [{ location: 'body', path: 'organization.name', message: 'is required for an organization' }],
    });
    expect(message).toBe('The organization name is required for an organization.');
  });

  it('a rule between fields (422 with errors) names the field too, not the generic detail', () => {
    const message = problemMessage({
      type: `${base}unprocessable`,
      title: 'Unprocessable request',
      status: 422,
      detail: 'The values are well-formed but not acceptable; see errors.',
      errors: [{ location: 'body', path: 'endsAt', message: 'must be after the start' }],
    });
    expect(message).toBe('The ends at must be after the start.');
  });

  it('no answer at all, and a 5xx without detail, are sentences too', () => {
    expect(problemMessage({ type: 'network', title: '', status: 0, detail: '' })).toMatch(/could not reach EventoNight/);
    expect(problemMessage({ type: 'http', title: 'Bad Gateway', status: 502, detail: '' })).toBe('Something went wrong on our side. Please try again.');
  });

  it('any thrown value becomes a sentence', () => {
    expect(errorMessage(new ApiError({ type: `${base}not-found`, title: 'Not found', status: 404, detail: '' }))).toMatch(/could not find/);
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/could not reach/);
    expect(errorMessage(new Error('bug'))).toBe('Something went wrong. Please try again.');
  });
});
