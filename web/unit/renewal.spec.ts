import { describe, expect, it } from 'vitest';
import { needsRenewal, renewDelayMs } from '../src/account/renewal';

describe('token renewal timing', () => {
  const issued = 1_000_000;

  it('renews a 5-minute token one minute before it expires', () => {
    expect(renewDelayMs(issued + 300_000, issued, issued)).toBe(240_000);
  });

  it('renews a short token a quarter of its life early', () => {
    expect(renewDelayMs(issued + 60_000, issued, issued)).toBe(45_000);
  });

  it('counts from now, and renews at once when already due', () => {
    expect(renewDelayMs(issued + 300_000, issued, issued + 200_000)).toBe(40_000);
    expect(renewDelayMs(issued + 300_000, issued, issued + 299_000)).toBe(0);
  });

  it('a token in its last seconds is renewed before it is sent', () => {
    expect(needsRenewal(issued + 300_000, issued + 280_000)).toBe(false);
    expect(needsRenewal(issued + 300_000, issued + 295_000)).toBe(true);
    expect(needsRenewal(issued, issued + 1)).toBe(true);
  });
});
