import { AggregateAlreadyExistsError, forgetExportParts, type StoredAggregate } from '@eventonight/platform';
import type { Filter } from 'mongodb';
import { anonymisedConversation, isDeletedMember, randomConversationId, type ConversationState } from '../domain/conversation.js';
import type { ChatDeps } from './deps.js';

type ConversationDocument = StoredAggregate<ConversationState>;

/** Messages moved per insertMany/deleteMany pair; conversations handled per page. */
const MESSAGE_BATCH = 500;
const CONVERSATION_PAGE = 100;

export interface ErasureSummary {
  /** Conversations kept for the other participant under a fresh id, with the erased person replaced. */
  anonymised: number;
  /** Conversations deleted with their messages because nobody is left in them. */
  deleted: number;
}

/**
 * `user.deleted` (ADR 0027). The erasure is recorded first, then the user's copy (name, avatar)
 * and the record of their exports go, then every conversation they are in:
 *
 * - if someone else is still there, it is copied to a fresh random id with the erased person
 *   replaced by DELETED_MEMBER everywhere (participants, read state, last sender), its messages
 *   are moved to that id in batches (erased senders replaced too), and the old document goes.
 *   The old id is a digest of the pair, so it may not stay either.
 * - if everyone in it is erased, it is deleted with all its messages.
 *
 * Every step can be repeated: the new id is claimed once on the old document (`rekeyedTo`), so a
 * redelivery after a crash anywhere finishes the same move. The old document is deleted last,
 * so until then the next delivery finds it again by participant.
 */
export async function eraseUser(deps: ChatDeps, userId: string): Promise<ErasureSummary> {
  await deps.ledger.record(userId, deps.clock());
  await deps.users.collection.deleteOne({ _id: userId });
  await forgetExportParts(deps.exportParts.collection, userId);
  const summary: ErasureSummary = { anonymised: 0, deleted: 0 };
  for (;;) {
    const page = await deps.conversations.collection
      .find({ participantIds: userId } as Filter<ConversationDocument>, { projection: { outbox: 0, outboxPending: 0, outboxTicket: 0, version: 0 } })
      .limit(CONVERSATION_PAGE)
      .toArray();
    if (page.length === 0) return summary;
    for (const conversation of page) {
      const outcome = await eraseFromConversation(deps, conversation as unknown as ConversationState);
      summary[outcome] += 1;
    }
  }
}

async function eraseFromConversation(deps: ChatDeps, old: ConversationState): Promise<'anonymised' | 'deleted'> {
  const collection = deps.conversations.collection;
  const people = old.participantIds.filter((id) => !isDeletedMember(id));
  const erased = await deps.ledger.erasedAmong(people);
  const remaining = people.filter((id) => !erased.has(id));

  if (remaining.length === 0) {
    // Nobody is left to read it. Messages first: until the document goes, a redelivery finds it.
    if (old.rekeyedTo !== undefined) {
      await deps.messages.deleteConversation(old.rekeyedTo);
      await collection.deleteOne({ _id: old.rekeyedTo } as Filter<ConversationDocument>);
    }
    await deps.messages.deleteConversation(old._id);
    await collection.deleteOne({ _id: old._id } as Filter<ConversationDocument>);
    return 'deleted';
  }

  const newId = old.rekeyedTo ?? (await claimNewId(deps, old._id));
  if (newId === null) return 'anonymised'; // another delivery finished it meanwhile
  try {
    // The copy starts with an empty outbox: a chat.message.sent still waiting there names the
    // erased person and is not worth publishing about someone who no longer exists.
    await deps.conversations.create(anonymisedConversation(old, erased, newId), []);
  } catch (error) {
    if (!(error instanceof AggregateAlreadyExistsError)) throw error; // created by an earlier delivery
  }
  while ((await deps.messages.moveBatch(old._id, newId, erased, MESSAGE_BATCH)) > 0) {
    // each round moves one batch with one insertMany and one deleteMany
  }
  await collection.deleteOne({ _id: old._id } as Filter<ConversationDocument>);
  // A send that loaded the old document just before it went may have inserted after the last batch.
  await deps.messages.moveBatch(old._id, newId, erased, MESSAGE_BATCH);
  // Had the other participant been erased at the same time, their erasure may have deleted the
  // copy while this one was still moving messages into it: nothing may stay behind.
  if ((await collection.countDocuments({ _id: newId } as Filter<ConversationDocument>, { limit: 1 })) === 0) {
    await deps.messages.deleteConversation(newId);
  }
  return 'anonymised';
}

/**
 * Chooses the conversation's new id once: the first delivery to get here writes it onto the old
 * document (and bumps its version, so a send racing with the erasure re-reads and stops); any
 * later one reads it back. Null when the old document is gone.
 */
async function claimNewId(deps: ChatDeps, oldId: string): Promise<string | null> {
  const collection = deps.conversations.collection;
  await collection.updateOne(
    { _id: oldId, rekeyedTo: { $exists: false } } as Filter<ConversationDocument>,
    { $set: { rekeyedTo: randomConversationId() }, $inc: { version: 1 } },
  );
  const claimed = await collection.findOne({ _id: oldId } as Filter<ConversationDocument>, { projection: { rekeyedTo: 1 } });
  return claimed?.rekeyedTo ?? null;
}

/**
 * Users the code before ADR 0027 kept as tombstones (`deleted: true`) are erased now, once, at
 * startup: their conversations still carried their id. Afterwards none is left to find.
 */
export async function eraseTombstonedUsers(deps: ChatDeps): Promise<number> {
  const tombstones = await deps.users.collection.find({ deleted: true }, { projection: { _id: 1 } }).toArray();
  for (const { _id } of tombstones) {
    const summary = await eraseUser(deps, _id);
    deps.logger.info({ ...summary }, 'erased a user the earlier code had kept as a tombstone');
  }
  return tombstones.length;
}
