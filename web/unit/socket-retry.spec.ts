import { describe, expect, it } from 'vitest';
import { refusedRetryDelayMs } from '../src/notifications/socket-signals';

describe('knocking again after a refused socket handshake', () => {
  it('waits 2 s, then doubles, never beyond a minute', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((refusals) => refusedRetryDelayMs(refusals, noJitter))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('spreads the clients of one replica over up to a quarter more', () => {
    expect(refusedRetryDelayMs(0, () => 0.5)).toBe(2_250);
    expect(refusedRetryDelayMs(10, () => 1)).toBe(75_000);
  });
});
