import { describe, expect, it } from 'vitest';
import { reportOutcomeInWords } from '../src/notifications/describe';

describe('what the reporter is told (ADR 0041)', () => {
  it('names the item and the decision in a sentence', () => {
    expect(reportOutcomeInWords('review', 'hidden')).toBe('Thank you for your report: a moderator removed the review you reported.');
    expect(reportOutcomeInWords('profile', 'suspended')).toBe('Thank you for your report: a moderator suspended the account you reported.');
    expect(reportOutcomeInWords('event', 'dismissed')).toBe('Thank you for your report: a moderator reviewed the event and found it within the rules.');
    expect(reportOutcomeInWords(null, null)).toBe('Thank you for your report: a moderator reviewed the item and found it within the rules.');
  });
});
