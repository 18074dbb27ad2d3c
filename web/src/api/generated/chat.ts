// Generated from the service's /openapi.json by `npm run -w @eventonight/web gen:api`. Do not edit:
// web/e2e/api-client.test.ts fails when this file no longer matches the service.

export interface paths {
    "/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My conversations, most recent activity first (metadata only)
         * @description A `cursor` that is not the `nextCursor` of a page of this list is answered 422 `unprocessable`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                closed: boolean;
                                conversationId: string;
                                createdAt: string;
                                lastMessage: {
                                    messageId: string;
                                    preview: string;
                                    senderId: string;
                                    sentAt: string;
                                } | null;
                                lastMessageAt: string | null;
                                lastReadAt: string | null;
                                otherParticipant: {
                                    avatarMediaId: string | null;
                                    deleted: boolean;
                                    displayName: string | null;
                                    userId: string;
                                };
                                participantIds: string[];
                                unreadCount: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request; `https://eventonight.dev/problems/validation` Request validation failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request" | "https://eventonight.dev/problems/validation";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/account-deleted` Account deleted; `https://eventonight.dev/problems/unauthorized` Authentication required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/account-deleted" | "https://eventonight.dev/problems/unauthorized";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/unprocessable` Unprocessable request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/unprocessable";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/internal` Internal server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/internal";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/service-unavailable` Service unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/service-unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Open the conversation with a user, or get the existing one
         * @description 201 when it was created now, 200 when it already existed. 404 `not-found`: no such user (or their account was deleted). 422 `unprocessable`: `withUserId` is yourself (a rule the schema cannot state).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        withUserId: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closed: boolean;
                            conversationId: string;
                            createdAt: string;
                            lastMessage: {
                                messageId: string;
                                preview: string;
                                senderId: string;
                                sentAt: string;
                            } | null;
                            lastMessageAt: string | null;
                            lastReadAt: string | null;
                            otherParticipant: {
                                avatarMediaId: string | null;
                                deleted: boolean;
                                displayName: string | null;
                                userId: string;
                            };
                            participantIds: string[];
                            unreadCount: number;
                        };
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closed: boolean;
                            conversationId: string;
                            createdAt: string;
                            lastMessage: {
                                messageId: string;
                                preview: string;
                                senderId: string;
                                sentAt: string;
                            } | null;
                            lastMessageAt: string | null;
                            lastReadAt: string | null;
                            otherParticipant: {
                                avatarMediaId: string | null;
                                deleted: boolean;
                                displayName: string | null;
                                userId: string;
                            };
                            participantIds: string[];
                            unreadCount: number;
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request; `https://eventonight.dev/problems/malformed-json` Malformed JSON body; `https://eventonight.dev/problems/validation` Request validation failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request" | "https://eventonight.dev/problems/malformed-json" | "https://eventonight.dev/problems/validation";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/account-deleted` Account deleted; `https://eventonight.dev/problems/unauthorized` Authentication required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/account-deleted" | "https://eventonight.dev/problems/unauthorized";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/account-suspended` Account suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/account-suspended";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/not-found` Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/not-found";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/blocked` Blocked */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/blocked";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/payload-too-large` Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/payload-too-large";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/unsupported-media-type` Unsupported media type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/unsupported-media-type";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/unprocessable` Unprocessable request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/unprocessable";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/internal` Internal server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/internal";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/quiesced` Writes are paused for a backup; `https://eventonight.dev/problems/service-unavailable` Service unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/quiesced" | "https://eventonight.dev/problems/service-unavailable";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{conversationId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A conversation's messages, newest first; `before` pages back in time
         * @description 404 `not-found`: no such conversation, or you are not in it. A `before` that is not the `nextCursor` of a page of messages is answered 422 `unprocessable`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    conversationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                conversationId: string;
                                messageId: string;
                                senderId: string;
                                sentAt: string;
                                text: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request; `https://eventonight.dev/problems/validation` Request validation failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request" | "https://eventonight.dev/problems/validation";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/account-deleted` Account deleted; `https://eventonight.dev/problems/unauthorized` Authentication required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/account-deleted" | "https://eventonight.dev/problems/unauthorized";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/not-found` Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/not-found";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/unprocessable` Unprocessable request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/unprocessable";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/internal` Internal server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/internal";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/service-unavailable` Service unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/service-unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Send a message (idempotent on the client-chosen messageId)
         * @description 201 when stored now; 200 with the stored message when the same messageId was sent before. 404 `not-found`: no such conversation, or you are not in it. 409 `conflict`: that messageId carries a different text. 409 `member-deleted`: the other person deleted their account (the conversation stays readable). 409 `version-conflict`: the conversation kept changing under concurrent writes; send again with the same messageId.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    conversationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        messageId: string;
                        text: string & unknown;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversationId: string;
                            messageId: string;
                            senderId: string;
                            sentAt: string;
                            text: string;
                        };
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversationId: string;
                            messageId: string;
                            senderId: string;
                            sentAt: string;
                            text: string;
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request; `https://eventonight.dev/problems/malformed-json` Malformed JSON body; `https://eventonight.dev/problems/validation` Request validation failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request" | "https://eventonight.dev/problems/malformed-json" | "https://eventonight.dev/problems/validation";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/account-deleted` Account deleted; `https://eventonight.dev/problems/unauthorized` Authentication required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/account-deleted" | "https://eventonight.dev/problems/unauthorized";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/account-suspended` Account suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/account-suspended";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/not-found` Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/not-found";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/blocked` Blocked; `https://eventonight.dev/problems/conflict` Conflict; `https://eventonight.dev/problems/member-deleted` Member deleted; `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/blocked" | "https://eventonight.dev/problems/conflict" | "https://eventonight.dev/problems/member-deleted" | "https://eventonight.dev/problems/version-conflict";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/payload-too-large` Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/payload-too-large";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/unsupported-media-type` Unsupported media type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/unsupported-media-type";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/too-many-requests` Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/too-many-requests";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/internal` Internal server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/internal";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/quiesced` Writes are paused for a backup; `https://eventonight.dev/problems/service-unavailable` Service unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/quiesced" | "https://eventonight.dev/problems/service-unavailable";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{conversationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark the conversation read (my unread count becomes 0)
         * @description 404 `not-found`: no such conversation, or you are not in it. 409 `version-conflict`: the conversation kept changing under concurrent writes; repeat it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    conversationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closed: boolean;
                            conversationId: string;
                            createdAt: string;
                            lastMessage: {
                                messageId: string;
                                preview: string;
                                senderId: string;
                                sentAt: string;
                            } | null;
                            lastMessageAt: string | null;
                            lastReadAt: string | null;
                            otherParticipant: {
                                avatarMediaId: string | null;
                                deleted: boolean;
                                displayName: string | null;
                                userId: string;
                            };
                            participantIds: string[];
                            unreadCount: number;
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request; `https://eventonight.dev/problems/validation` Request validation failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request" | "https://eventonight.dev/problems/validation";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/account-deleted` Account deleted; `https://eventonight.dev/problems/unauthorized` Authentication required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/account-deleted" | "https://eventonight.dev/problems/unauthorized";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/not-found` Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/not-found";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/version-conflict";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/internal` Internal server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/internal";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/quiesced` Writes are paused for a backup; `https://eventonight.dev/problems/service-unavailable` Service unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/quiesced" | "https://eventonight.dev/problems/service-unavailable";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            correlationId?: string;
            detail: string;
            errors?: {
                /** @enum {string} */
                location?: "params" | "query" | "body" | "headers";
                message?: string;
                path?: string;
            }[];
            instance?: string;
            status: number;
            title: string;
            /** Format: uri */
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
