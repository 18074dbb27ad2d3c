// Generated from the service's /openapi.json by `npm run -w @eventonight/web gen:api`. Do not edit:
// web/e2e/api-client.test.ts fails when this file no longer matches the service.

export interface paths {
    "/email-verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the code of the mailed link (no sign-in needed)
         * @description The address becomes the account’s confirmed address (and its sign-in name). 404 `not-found` for a code that is unknown, replaced by a newer link or already used; 410 `verification-link-expired` after 24 hours; 409 `conflict` when another account took the address meanwhile.
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
                        token: string;
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
                            email: string;
                            /** @constant */
                            emailVerified: true;
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
                /** @description `https://eventonight.dev/problems/conflict` Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/conflict";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/verification-link-expired` Verification link expired */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/verification-link-expired";
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
    "/moderation/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The moderators’ audit log, newest first (at most 100) */
        get: {
            parameters: {
                query?: never;
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
                                /** @enum {string} */
                                action: "hide" | "restore" | "dismiss" | "suspend" | "reinstate";
                                at: string;
                                id: string;
                                itemId: string;
                                kind: string;
                                moderatorId: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request";
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
                /** @description `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/forbidden";
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/moderation/items/{kind}/{itemId}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hide a message, review, event or profile from everyone but moderators (its open reports are resolved, reporters told)
         * @description Idempotent; the action is written in the audit log with the reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A message is `<conversationId>:<messageId>`, a review its reviewId, an event its id, a profile the member id. */
                    itemId: string & unknown;
                    kind: "message" | "review" | "event" | "profile";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit log). */
                        reason: string & unknown;
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
                            hidden: boolean;
                            itemId: string;
                            /** @enum {string} */
                            kind: "message" | "review" | "event" | "profile";
                            resolvedReports: number;
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
                /** @description `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/forbidden";
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
    "/moderation/items/{kind}/{itemId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a hidden item
         * @description Idempotent; the action is written in the audit log with the reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A message is `<conversationId>:<messageId>`, a review its reviewId, an event its id, a profile the member id. */
                    itemId: string & unknown;
                    kind: "message" | "review" | "event" | "profile";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit log). */
                        reason: string & unknown;
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
                            hidden: boolean;
                            itemId: string;
                            /** @enum {string} */
                            kind: "message" | "review" | "event" | "profile";
                            resolvedReports: number;
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
                /** @description `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/forbidden";
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
    "/moderation/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reports queue (moderators): open first, oldest first; then resolved, newest first (at most 100) */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "resolved";
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
                                createdAt: string;
                                itemId: string;
                                /** @enum {string} */
                                kind: "message" | "review" | "event" | "profile";
                                outcome: ("hidden" | "dismissed" | "suspended") | null;
                                /** @enum {string} */
                                reason: "spam" | "harassment" | "hate" | "scam" | "inappropriate" | "other";
                                reporterId: string;
                                reportId: string;
                                resolvedAt: string | null;
                                /** @enum {string} */
                                status: "open" | "resolved";
                                text: string | null;
                            }[];
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
                /** @description `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/forbidden";
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/moderation/reports/{reportId}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a report without acting on the item (moderators; the reporter is told)
         * @description 404 `not-found`: no such report.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A message is `<conversationId>:<messageId>`, a review its reviewId, an event its id, a profile the member id. */
                    reportId: string & unknown;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit log). */
                        reason: string & unknown;
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
                            createdAt: string;
                            itemId: string;
                            /** @enum {string} */
                            kind: "message" | "review" | "event" | "profile";
                            outcome: ("hidden" | "dismissed" | "suspended") | null;
                            /** @enum {string} */
                            reason: "spam" | "harassment" | "hate" | "scam" | "inappropriate" | "other";
                            reporterId: string;
                            reportId: string;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "open" | "resolved";
                            text: string | null;
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
                /** @description `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/forbidden";
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
    "/moderation/users/{userId}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reinstate a suspended account (moderators)
         * @description 404 `not-found`: no such member. 422 `unprocessable`: yourself.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit log). */
                        reason: string & unknown;
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
                            resolvedReports: number;
                            suspended: boolean;
                            userId: string;
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
                /** @description `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/forbidden";
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
    "/moderation/users/{userId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend an account: Keycloak disables it and every service refuses its writes (moderators)
         * @description 404 `not-found`: no such member. 422 `unprocessable`: yourself.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit log). */
                        reason: string & unknown;
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
                            resolvedReports: number;
                            suspended: boolean;
                            userId: string;
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
                /** @description `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/forbidden";
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
    "/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Organizations whose name starts with `search`, by name
         * @description 422 `unprocessable` for a `cursor` that is not the `nextCursor` of a page of this list.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    limit?: number;
                    search?: string;
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
                                avatarMediaId: string | null;
                                bio: string | null;
                                city: string | null;
                                displayName: string;
                                id: string;
                                organization: {
                                    description: string | null;
                                    name: string;
                                    website: string | null;
                                } | null;
                                privateProfile: boolean;
                                /** @enum {string} */
                                role: "member" | "organization";
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a message, review, event or profile
         * @description 201 when filed now; 200 with the stored report when you reported this item before (one report per item and member). 404 `not-found`: no such member (a profile). 422 `unprocessable`: reporting yourself. 403 `account-suspended`.
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
                        /** @description A message is `<conversationId>:<messageId>`, a review its reviewId, an event its id, a profile the member id. */
                        itemId: string & unknown;
                        /** @enum {string} */
                        kind: "message" | "review" | "event" | "profile";
                        /** @enum {string} */
                        reason: "spam" | "harassment" | "hate" | "scam" | "inappropriate" | "other";
                        /** @description What happened, in your words (at most 1,000 characters). */
                        text?: string | null;
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
                            createdAt: string;
                            itemId: string;
                            /** @enum {string} */
                            kind: "message" | "review" | "event" | "profile";
                            outcome: ("hidden" | "dismissed" | "suspended") | null;
                            /** @enum {string} */
                            reason: "spam" | "harassment" | "hate" | "scam" | "inappropriate" | "other";
                            reporterId: string;
                            reportId: string;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "open" | "resolved";
                            text: string | null;
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
                            createdAt: string;
                            itemId: string;
                            /** @enum {string} */
                            kind: "message" | "review" | "event" | "profile";
                            outcome: ("hidden" | "dismissed" | "suspended") | null;
                            /** @enum {string} */
                            reason: "spam" | "harassment" | "hate" | "scam" | "inappropriate" | "other";
                            reporterId: string;
                            reportId: string;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "open" | "resolved";
                            text: string | null;
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
    "/reports/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My reports and their outcome, newest first (at most 100) */
        get: {
            parameters: {
                query?: never;
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
                                createdAt: string;
                                itemId: string;
                                /** @enum {string} */
                                kind: "message" | "review" | "event" | "profile";
                                outcome: ("hidden" | "dismissed" | "suspended") | null;
                                /** @enum {string} */
                                reason: "spam" | "harassment" | "hate" | "scam" | "inappropriate" | "other";
                                reporterId: string;
                                reportId: string;
                                resolvedAt: string | null;
                                /** @enum {string} */
                                status: "open" | "resolved";
                                text: string | null;
                            }[];
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request";
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a member or an organization (Keycloak account + profile)
         * @description An organization gives `organization` (its name at least); a member does not. 409 `conflict` when an account with this email exists. 422 `unprocessable` when the password equals the email (case aside), or when the identity provider refuses the credentials by its password policy.
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
                        displayName: string & unknown;
                        /** @description An email address (case does not matter; stored in lower case). */
                        email: string & (unknown & unknown);
                        password: string & unknown;
                        /** @constant */
                        role: "member";
                    } | {
                        displayName: string & unknown;
                        /** @description An email address (case does not matter; stored in lower case). */
                        email: string & (unknown & unknown);
                        organization: {
                            description?: string;
                            name: string & unknown;
                            /** @description An http or https address, in ASCII (percent-encode anything else). */
                            website?: string;
                        };
                        password: string & unknown;
                        /** @constant */
                        role: "organization";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatarMediaId: string | null;
                            bio: string | null;
                            city: string | null;
                            createdAt: string;
                            displayName: string;
                            email: string | null;
                            emailVerified: boolean;
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            pendingEmail: {
                                email: string;
                                expiresAt: string;
                                /** @enum {string} */
                                reason: "sign-up" | "change";
                                sentAt: string;
                            } | null;
                            preferences: {
                                categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                            };
                            privateProfile: boolean;
                            /** @enum {string} */
                            role: "member" | "organization";
                            updatedAt: string;
                            version: number;
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
                /** @description `https://eventonight.dev/problems/conflict` Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/conflict";
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
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user’s public profile
         * @description 404 `not-found` for an unknown id and for a deleted account.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                            avatarMediaId: string | null;
                            bio: string | null;
                            city: string | null;
                            displayName: string;
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            privateProfile: boolean;
                            /** @enum {string} */
                            role: "member" | "organization";
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s own profile
         * @description A deleted account’s still-valid token gets 401 `account-deleted`.
         */
        get: {
            parameters: {
                query?: never;
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
                            avatarMediaId: string | null;
                            bio: string | null;
                            city: string | null;
                            createdAt: string;
                            displayName: string;
                            email: string | null;
                            emailVerified: boolean;
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            pendingEmail: {
                                email: string;
                                expiresAt: string;
                                /** @enum {string} */
                                reason: "sign-up" | "change";
                                sentAt: string;
                            } | null;
                            preferences: {
                                categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                            };
                            privateProfile: boolean;
                            /** @enum {string} */
                            role: "member" | "organization";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request";
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
        post?: never;
        /**
         * Delete the caller’s account and profile
         * @description Deletes the Keycloak account, records the erasure, and publishes `user.deleted` (every service erases the person). Afterwards the same token gets 401 `account-deleted`. 409 `version-conflict` if concurrent changes of the profile kept winning (retry).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request";
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
        options?: never;
        head?: never;
        /**
         * Change the caller’s profile (If-Match: the version, optional)
         * @description Changes at least one field; `null` clears an optional one. 403 `forbidden` for `organization` on a member’s profile. 409 `version-conflict` when If-Match names another version (or, without it, when concurrent changes kept winning). A deleted account’s still-valid token gets 401 `account-deleted`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        avatarMediaId?: string | null;
                        bio?: string | null;
                        city?: (string & unknown) | null;
                        displayName?: string & unknown;
                        organization?: {
                            description?: string | null;
                            name?: string & unknown;
                            website?: string | null;
                        };
                        preferences?: {
                            categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                        };
                        privateProfile?: boolean;
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
                            avatarMediaId: string | null;
                            bio: string | null;
                            city: string | null;
                            createdAt: string;
                            displayName: string;
                            email: string | null;
                            emailVerified: boolean;
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            pendingEmail: {
                                email: string;
                                expiresAt: string;
                                /** @enum {string} */
                                reason: "sign-up" | "change";
                                sentAt: string;
                            } | null;
                            preferences: {
                                categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                            };
                            privateProfile: boolean;
                            /** @enum {string} */
                            role: "member" | "organization";
                            updatedAt: string;
                            version: number;
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
                /** @description `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/forbidden";
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
        trace?: never;
    };
    "/users/me/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members I block, newest first (at most 200) */
        get: {
            parameters: {
                query?: never;
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
                                displayName: string | null;
                                since: string;
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request";
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me/blocks/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Block a member: no messages either way, no follows, hidden from each other’s lists
         * @description Idempotent. 404 `not-found`: no such member. 422 `unprocessable`: yourself. 403 `account-suspended`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
        post?: never;
        /**
         * Unblock a member (messaging is possible again, in the same conversation)
         * @description Idempotent. 422 `unprocessable`: yourself.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Move the account to another email address (in use once confirmed)
         * @description Mails a confirmation link to the new address (valid 24 hours); the current address stays the sign-in name and the mail address until the link is opened. 409 `conflict` when another account uses the address; 409 `verification-recently-sent` when a link went to the same address less than a minute ago (`retryAt`); 422 `unprocessable` for the current address.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An email address (case does not matter; stored in lower case). */
                        email: string & (unknown & unknown);
                    };
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatarMediaId: string | null;
                            bio: string | null;
                            city: string | null;
                            createdAt: string;
                            displayName: string;
                            email: string | null;
                            emailVerified: boolean;
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            pendingEmail: {
                                email: string;
                                expiresAt: string;
                                /** @enum {string} */
                                reason: "sign-up" | "change";
                                sentAt: string;
                            } | null;
                            preferences: {
                                categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                            };
                            privateProfile: boolean;
                            /** @enum {string} */
                            role: "member" | "organization";
                            updatedAt: string;
                            version: number;
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
                /** @description `https://eventonight.dev/problems/conflict` Conflict; `https://eventonight.dev/problems/verification-recently-sent` Verification recently sent */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/conflict" | "https://eventonight.dev/problems/verification-recently-sent";
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me/email-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a new confirmation link for the address waiting to be confirmed
         * @description The earlier link stops working. 409 `email-already-verified` when nothing waits to be confirmed; 409 `verification-recently-sent` when a link went out less than a minute ago (`retryAt`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatarMediaId: string | null;
                            bio: string | null;
                            city: string | null;
                            createdAt: string;
                            displayName: string;
                            email: string | null;
                            emailVerified: boolean;
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            pendingEmail: {
                                email: string;
                                expiresAt: string;
                                /** @enum {string} */
                                reason: "sign-up" | "change";
                                sentAt: string;
                            } | null;
                            preferences: {
                                categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                            };
                            privateProfile: boolean;
                            /** @enum {string} */
                            role: "member" | "organization";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request";
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
                /** @description `https://eventonight.dev/problems/email-already-verified` Email already verified; `https://eventonight.dev/problems/verification-recently-sent` Verification recently sent */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/email-already-verified" | "https://eventonight.dev/problems/verification-recently-sent";
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
    "/users/me/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s data exports, latest first (at most 10) */
        get: {
            parameters: {
                query?: never;
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
                                expiresAt: string | null;
                                exportId: string;
                                missingParts: ("user" | "event" | "interaction" | "chat" | "ticketing" | "notification" | "media")[];
                                readyAt: string | null;
                                receivedParts: ("user" | "event" | "interaction" | "chat" | "ticketing" | "notification" | "media")[];
                                requestedAt: string;
                                /** @enum {string} */
                                status: "preparing" | "ready" | "expired" | "incomplete";
                            }[];
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request";
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
         * Ask for a copy of everything EventoNight holds about the caller
         * @description Starts an export (202): every service is asked through the bus and sends its part; the export is `ready` once all seven are in, and its archive can then be downloaded for 7 days. While an export younger than an hour is still being prepared, the same one is returned. 401 `account-deleted` for a deleted account’s token. 409 `conflict` when simultaneous requests kept racing (retry).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresAt: string | null;
                            exportId: string;
                            missingParts: ("user" | "event" | "interaction" | "chat" | "ticketing" | "notification" | "media")[];
                            readyAt: string | null;
                            receivedParts: ("user" | "event" | "interaction" | "chat" | "ticketing" | "notification" | "media")[];
                            requestedAt: string;
                            /** @enum {string} */
                            status: "preparing" | "ready" | "expired" | "incomplete";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request";
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
                /** @description `https://eventonight.dev/problems/conflict` Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/conflict";
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
    "/users/me/exports/{exportId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a ready export: a zip (application/zip, attachment eventonight-data-<date>.zip)
         * @description The zip holds data.json (everything, by source and section), one CSV per non-empty section (<source>-<section>.csv) and README.txt. Only the owner: 404 `not-found` for anyone else’s export (and for an unknown one), 409 `conflict` while it is being prepared (or when it could not be completed), 410 `export-expired` (problem+json) once its 7 days are over.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    exportId: string;
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
                    content?: never;
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
                /** @description `https://eventonight.dev/problems/conflict` Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/conflict";
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/export-expired` Export expired */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/export-expired";
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
        post?: never;
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
