import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestIssuer, type TestIssuer } from '@eventonight/testing';
import { AuthenticationError, createJwtVerifier } from '../src/auth/index.js';

/**
 * The verified-token memory with replicas (issue 24): each replica keeps its own, so what matters
 * is that one never accepts a token past its `exp` and never grows without bound.
 */
describe('verified-token memory', { timeout: 30_000 }, () => {
  let issuer: TestIssuer;
  before(async () => {
    issuer = await startTestIssuer();
  });
  after(() => issuer.close());

  it('keeps at most verifiedTokenMaxEntries tokens, however many are verified', async () => {
    const verifier = createJwtVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience, verifiedTokenMaxEntries: 3 });
    for (let i = 0; i < 20; i += 1) {
      const token = await issuer.mint({ sub: `user-${i}` });
      assert.equal((await verifier.verify(token)).userId, `user-${i}`);
      assert.ok(verifier.rememberedTokens <= 3, `${verifier.rememberedTokens} tokens kept`);
    }
    assert.equal(verifier.rememberedTokens, 3);
  });

  it('keeps a token verified twice once', async () => {
    const verifier = createJwtVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
    const token = await issuer.mint({ sub: 'user-1' });
    await verifier.verify(token);
    await verifier.verify(token);
    assert.equal(verifier.rememberedTokens, 1, 'the same token is one entry');
  });

  it('never answers a remembered token past its exp, even while its memory entry is fresh', async () => {
    const verifier = createJwtVerifier({
      jwksUrl: issuer.jwksUrl,
      issuer: issuer.issuer,
      audience: issuer.audience,
      clockToleranceSec: 0,
      verifiedTokenTtlMs: 10 * 60_000,
    });
    const token = await issuer.mint({ sub: 'user-short', expiresInSec: 1 });
    assert.equal((await verifier.verify(token)).userId, 'user-short');
    assert.equal(verifier.rememberedTokens, 1);
    // `exp` has a resolution of one second: wait until it has certainly passed.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await assert.rejects(verifier.verify(token), (error: unknown) => error instanceof AuthenticationError && error.failure === 'expired');
    assert.equal(verifier.rememberedTokens, 0, 'the expired token is dropped');
  });
});
