import { accountSuspendedProblem, blockedProblem, defineRoute, type RouteHost } from '@eventonight/platform';
import type { ChatDeps } from '../application/deps.js';
import { markConversationRead } from '../application/mark-read.js';
import { openConversation } from '../application/open-conversation.js';
import { memberDeletedProblem } from '../application/problems.js';
import { listConversations, listMessages } from '../application/queries.js';
import { sendMessage } from '../application/send-message.js';
import { cursorText, toConversationView, toMessageView } from './presenter.js';
import {
  conversationIdParams,
  conversationList,
  conversationView,
  listConversationsQuery,
  listMessagesQuery,
  messageList,
  messageView,
  openConversationBody,
  sendMessageBody,
} from './schemas.js';

const DEFAULT_LIMIT = 20;
const tags = ['chat'] as const;

export function chatRoutes(host: RouteHost, deps: ChatDeps): void {
  defineRoute(
    host,
    {
      method: 'post',
      path: '/conversations',
      summary: 'Open the conversation with a user, or get the existing one',
      description:
        '201 when it was created now, 200 when it already existed. 404 `not-found`: no such user (or their account was deleted). 422 `unprocessable`: `withUserId` is yourself (a rule the schema cannot state).',
      tags,
      body: openConversationBody,
      responses: { 200: conversationView, 201: conversationView },
      problems: ['not-found', 'unprocessable', blockedProblem, accountSuspendedProblem],
    },
    async ({ principal, body }) => {
      const { summary, created } = await openConversation(deps, principal.userId, body.withUserId);
      const view = toConversationView(summary);
      const location = { location: `/conversations/${view.conversationId}` };
      return created ? { status: 201, body: view, headers: location } : { status: 200, body: view, headers: location };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/conversations',
      summary: 'My conversations, most recent activity first (metadata only)',
      description: 'A `cursor` that is not the `nextCursor` of a page of this list is answered 422 `unprocessable`.',
      tags,
      query: listConversationsQuery,
      responses: { 200: conversationList },
      problems: ['unprocessable'],
    },
    async ({ principal, query }) => {
      const page = await listConversations(deps, principal.userId, {
        limit: query.limit ?? DEFAULT_LIMIT,
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      });
      const blocked = await deps.safety.blockedWith(principal.userId);
      const items = page.items.map((summary) => toConversationView(summary, blocked.has(summary.otherId)));
      return { status: 200, body: { items, nextCursor: cursorText(page.next) } };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/conversations/:conversationId/messages',
      summary: "A conversation's messages, newest first; `before` pages back in time",
      description:
        '404 `not-found`: no such conversation, or you are not in it. A `before` that is not the `nextCursor` of a page of messages is answered 422 `unprocessable`.',
      tags,
      params: conversationIdParams,
      query: listMessagesQuery,
      responses: { 200: messageList },
      problems: ['not-found', 'unprocessable'],
    },
    async ({ principal, params, query }) => {
      const page = await listMessages(deps, principal.userId, params.conversationId, {
        limit: query.limit ?? DEFAULT_LIMIT,
        ...(query.before === undefined ? {} : { cursor: query.before }),
      });
      return { status: 200, body: { items: page.items.map(toMessageView), nextCursor: cursorText(page.next) } };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/conversations/:conversationId/messages',
      summary: 'Send a message (idempotent on the client-chosen messageId)',
      description:
        '201 when stored now; 200 with the stored message when the same messageId was sent before. 404 `not-found`: no such conversation, or you are not in it. 409 `conflict`: that messageId carries a different text. 409 `member-deleted`: the other person deleted their account (the conversation stays readable). 409 `version-conflict`: the conversation kept changing under concurrent writes; send again with the same messageId.',
      tags,
      params: conversationIdParams,
      body: sendMessageBody,
      responses: { 200: messageView, 201: messageView },
      problems: ['not-found', 'conflict', memberDeletedProblem, 'version-conflict', blockedProblem, accountSuspendedProblem, 'too-many-requests'],
    },
    async ({ principal, params, body }) => {
      const { message, created } = await sendMessage(deps, principal.userId, params.conversationId, body);
      const view = toMessageView(message);
      return created ? { status: 201, body: view } : { status: 200, body: view };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/conversations/:conversationId/read',
      summary: 'Mark the conversation read (my unread count becomes 0)',
      description:
        '404 `not-found`: no such conversation, or you are not in it. 409 `version-conflict`: the conversation kept changing under concurrent writes; repeat it.',
      tags,
      params: conversationIdParams,
      responses: { 200: conversationView },
      problems: ['not-found', 'version-conflict'],
    },
    async ({ principal, params }) => {
      const summary = await markConversationRead(deps, principal.userId, params.conversationId);
      return { status: 200, body: toConversationView(summary, await deps.safety.eitherBlocks(principal.userId, summary.otherId)) };
    },
  );
}
