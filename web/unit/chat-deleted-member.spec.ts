import { describe, expect, it } from 'vitest';
import { isClosed, movedConversation, participantName } from '../src/chat/conversation';
import { ApiError, errorMessage, failedWith } from '../src/ui/problem';

const base = 'https://eventonight.dev/problems/';
const deletedMember = { userId: 'deleted-member', displayName: 'Deleted member', avatarMediaId: null, deleted: true };
const ada = { userId: 'u-ada', displayName: 'Ada', avatarMediaId: null, deleted: false };

const conversation = (conversationId: string, other: typeof ada, createdAt: string) => ({ conversationId, otherParticipant: other, createdAt });

describe('a conversation with a member who deleted their account', () => {
  it('is named as chat names them: "Deleted member", never an organization’s or a stale name', () => {
    expect(participantName(deletedMember, null)).toBe('Deleted member');
    expect(participantName({ ...deletedMember, displayName: null }, null)).toBe('Deleted member');
    expect(participantName(deletedMember, 'Harbour Nights')).toBe('Deleted member');
    expect(participantName(ada, 'Harbour Nights')).toBe('Harbour Nights');
    expect(participantName(ada, null)).toBe('Ada');
    expect(participantName({ ...ada, displayName: null }, null)).toBe('Someone');
  });

  it('can be read but not answered', () => {
    expect(isClosed({ otherParticipant: deletedMember })).toBe(true);
    expect(isClosed({ otherParticipant: ada })).toBe(false);
    expect(isClosed(null)).toBe(false);
  });

  it('is found again under its new id after the erasure moved it', () => {
    const before = conversation('old', ada, '2026-12-01T10:00:00.123Z');
    const other = conversation('c2', { ...deletedMember }, '2026-11-01T10:00:00.000Z');
    const copy = conversation('fresh', { ...deletedMember }, '2026-12-01T10:00:00.123Z');
    expect(movedConversation(before, [other, copy])).toBe(copy);
  });

  it('is not guessed: unknown before, still listed, or no single copy → null', () => {
    const before = conversation('old', ada, '2026-12-01T10:00:00.123Z');
    const copy = conversation('fresh', { ...deletedMember }, '2026-12-01T10:00:00.123Z');
    expect(movedConversation(null, [copy])).toBeNull();
    expect(movedConversation(before, [before, copy])).toBeNull();
    expect(movedConversation(before, [copy, { ...copy, conversationId: 'twin' }])).toBeNull();
    expect(movedConversation(before, [{ ...copy, otherParticipant: ada }])).toBeNull();
    expect(movedConversation(before, [{ ...copy, createdAt: '2026-12-01T10:00:00.124Z' }])).toBeNull();
  });

  it('a send refused with member-deleted reads as a sentence and is told apart from other conflicts', () => {
    const refused = new ApiError({ type: `${base}member-deleted`, title: 'Member deleted', status: 409, detail: 'This member has deleted their account.' });
    expect(errorMessage(refused)).toBe('This member has deleted their account.');
    expect(failedWith(refused, 'member-deleted')).toBe(true);
    expect(failedWith(new ApiError({ type: `${base}conflict`, title: 'Conflict', status: 409, detail: 'messageId reused' }), 'member-deleted')).toBe(false);
    expect(failedWith(new ApiError({ type: `${base}not-found`, title: 'Not found', status: 404, detail: '' }), 'not-found')).toBe(true);
    expect(failedWith(new Error('member-deleted'), 'member-deleted')).toBe(false);
  });
});
