// Generated from the service's /openapi.json by `npm run -w @eventonight/web gen:api`. Do not edit:
// web/e2e/api-client.test.ts fails when this file no longer matches the service.

export interface paths {
    "/mail-unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an unsubscribe link from a mail stops, and whether that mail is still on
         * @description For the web app's unsubscribe page; changes nothing (link scanners follow GETs). No token needed: the link's key is the authority. 422 `/problems/unsubscribe-link-invalid`: the token has the right form but this service did not sign it (forged, altered); nothing changes.
         */
        get: {
            parameters: {
                query: {
                    /** @description The key of the link in the mail: names the member and the kind of mail, signed by this service. */
                    token: string;
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
                            /** @enum {string} */
                            kind: "event.changed" | "event.cancelled" | "event.reminder";
                            subscribed: boolean;
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
                /** @description `https://eventonight.dev/problems/unsubscribe-link-invalid` Unsubscribe link not valid */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/unsubscribe-link-invalid";
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
         * One-click unsubscribe (RFC 8058): stop the kind of mail the link names
         * @description The URL of a mail’s List-Unsubscribe header; mail clients POST the form `List-Unsubscribe=One-Click` to it, and so does the web app’s unsubscribe page. Stops only that kind of mail for that member (in-app notices and other mails stay); idempotent. 422 `/problems/unsubscribe-link-invalid`: the token has the right form but this service did not sign it (forged, altered); nothing changes.
         */
        post: {
            parameters: {
                query: {
                    /** @description The key of the link in the mail: names the member and the kind of mail, signed by this service. */
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @constant */
                        "List-Unsubscribe": "One-Click";
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
                            /** @enum {string} */
                            kind: "event.changed" | "event.cancelled" | "event.reminder";
                            subscribed: boolean;
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
                /** @description `https://eventonight.dev/problems/unsubscribe-link-invalid` Unsubscribe link not valid */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/unsubscribe-link-invalid";
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
    "/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My muted notification types (and every type there is), and my mail settings */
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
                            mail: {
                                defaults: {
                                    locale: string;
                                    timeZone: string;
                                };
                                kinds: ("event.changed" | "event.cancelled" | "event.reminder")[];
                                locale: ("en-GB" | "en-US" | "it-IT" | "de-DE" | "fr-FR" | "es-ES") | null;
                                locales: ("en-GB" | "en-US" | "it-IT" | "de-DE" | "fr-FR" | "es-ES")[];
                                off: ("event.changed" | "event.cancelled" | "event.reminder")[];
                                timeZone: string | null;
                            };
                            muted: ("follower.new" | "event.published" | "event.cancelled" | "event.changed" | "event.reminder" | "event.liked" | "event.reviewed" | "event.participation" | "chat.message" | "ticket.purchased" | "ticket.sold" | "order.refunded" | "ticket.refunded" | "report.resolved" | "waitlist.offered" | "ticket.transferred")[];
                            types: ("follower.new" | "event.published" | "event.cancelled" | "event.changed" | "event.reminder" | "event.liked" | "event.reviewed" | "event.participation" | "chat.message" | "ticket.purchased" | "ticket.sold" | "order.refunded" | "ticket.refunded" | "report.resolved" | "waitlist.offered" | "ticket.transferred")[];
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
        /**
         * Replace my muted notification types
         * @description Muted types are still stored (listed over REST) but never pushed in real time. Mail settings stay as they are.
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
                        muted: ("follower.new" | "event.published" | "event.cancelled" | "event.changed" | "event.reminder" | "event.liked" | "event.reviewed" | "event.participation" | "chat.message" | "ticket.purchased" | "ticket.sold" | "order.refunded" | "ticket.refunded" | "report.resolved" | "waitlist.offered" | "ticket.transferred")[];
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
                            mail: {
                                defaults: {
                                    locale: string;
                                    timeZone: string;
                                };
                                kinds: ("event.changed" | "event.cancelled" | "event.reminder")[];
                                locale: ("en-GB" | "en-US" | "it-IT" | "de-DE" | "fr-FR" | "es-ES") | null;
                                locales: ("en-GB" | "en-US" | "it-IT" | "de-DE" | "fr-FR" | "es-ES")[];
                                off: ("event.changed" | "event.cancelled" | "event.reminder")[];
                                timeZone: string | null;
                            };
                            muted: ("follower.new" | "event.published" | "event.cancelled" | "event.changed" | "event.reminder" | "event.liked" | "event.reviewed" | "event.participation" | "chat.message" | "ticket.purchased" | "ticket.sold" | "order.refunded" | "ticket.refunded" | "report.resolved" | "waitlist.offered" | "ticket.transferred")[];
                            types: ("follower.new" | "event.published" | "event.cancelled" | "event.changed" | "event.reminder" | "event.liked" | "event.reviewed" | "event.participation" | "chat.message" | "ticket.purchased" | "ticket.sold" | "order.refunded" | "ticket.refunded" | "report.resolved" | "waitlist.offered" | "ticket.transferred")[];
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notification-preferences/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace my mail settings: which optional mails I get, and my locale and time zone
         * @description Order confirmations and refunds are always sent; `off` stops the others. `locale` and `timeZone` decide how dates, times and money are written in mails queued from now on (null = the platform’s). Live alerts stay as they are. 422 `unprocessable`: `timeZone` has the form of a zone name but is not a zone this service knows.
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
                        /** @description How dates and money are written in my mails; null = the platform’s. */
                        locale: ("en-GB" | "en-US" | "it-IT" | "de-DE" | "fr-FR" | "es-ES") | null;
                        /** @description The optional mails to stop; the others are sent. */
                        off: ("event.changed" | "event.cancelled" | "event.reminder")[];
                        /** @description The IANA zone my mails give times in; null = the platform’s. */
                        timeZone: string | null;
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
                            defaults: {
                                locale: string;
                                timeZone: string;
                            };
                            kinds: ("event.changed" | "event.cancelled" | "event.reminder")[];
                            locale: ("en-GB" | "en-US" | "it-IT" | "de-DE" | "fr-FR" | "es-ES") | null;
                            locales: ("en-GB" | "en-US" | "it-IT" | "de-DE" | "fr-FR" | "es-ES")[];
                            off: ("event.changed" | "event.cancelled" | "event.reminder")[];
                            timeZone: string | null;
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
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications, newest first
         * @description `unread=true` lists unread ones only; `cursor` continues a previous page; `limit` ≤ 100 (20). 422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    /** @description Page size, 1–100 (default 20). */
                    limit?: number;
                    /** @description `true`: unread notifications only (default `false`: all). */
                    unread?: "true" | "false";
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
                                data: {
                                    [key: string]: string | number | boolean | null;
                                };
                                id: string;
                                read: boolean;
                                readAt: string | null;
                                /** @enum {string} */
                                type: "follower.new" | "event.published" | "event.cancelled" | "event.changed" | "event.reminder" | "event.liked" | "event.reviewed" | "event.participation" | "chat.message" | "ticket.purchased" | "ticket.sold" | "order.refunded" | "ticket.refunded" | "report.resolved" | "waitlist.offered" | "ticket.transferred";
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete one of my notifications
         * @description 404 `not-found`: no such notification (deleted already included), or it is someone else's.
         */
        delete: {
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
    "/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of my notifications as read (idempotent)
         * @description 404 `not-found`: no such notification, or it is someone else's.
         */
        post: {
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
    "/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications as read */
        post: {
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
                            marked: number;
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
    "/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my notifications are unread */
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
                            unread: number;
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
