import { describe, expect, it } from 'vitest';
import { actionOf, actionSentence } from '../src/account/account-action';

describe('the outcome of a password change asked of Keycloak', () => {
  it('a plain sign-in carries no action', () => {
    expect(actionOf({}, null)).toBeNull();
    expect(actionOf(undefined, 'success')).toBeNull();
    expect(actionOf({ action: 'DELETE_ACCOUNT' }, 'success')).toBeNull();
  });

  it("reads Keycloak's kc_action_status", () => {
    expect(actionOf({ action: 'UPDATE_PASSWORD' }, 'success')).toEqual({ name: 'UPDATE_PASSWORD', outcome: 'success' });
    expect(actionOf({ action: 'UPDATE_PASSWORD' }, 'cancelled')).toEqual({ name: 'UPDATE_PASSWORD', outcome: 'cancelled' });
    expect(actionOf({ action: 'UPDATE_PASSWORD' }, 'error')).toEqual({ name: 'UPDATE_PASSWORD', outcome: 'error' });
  });

  it('no status, or one it does not know, is a failure, never a success', () => {
    expect(actionOf({ action: 'UPDATE_PASSWORD' }, null)?.outcome).toBe('error');
    expect(actionOf({ action: 'UPDATE_PASSWORD' }, 'maybe')?.outcome).toBe('error');
  });

  it('each outcome is a sentence', () => {
    expect(actionSentence({ name: 'UPDATE_PASSWORD', outcome: 'success' })).toBe('Your password has been changed.');
    expect(actionSentence({ name: 'UPDATE_PASSWORD', outcome: 'cancelled' })).toMatch(/not been changed/);
    expect(actionSentence({ name: 'UPDATE_PASSWORD', outcome: 'error' })).toMatch(/could not be changed/);
  });
});
