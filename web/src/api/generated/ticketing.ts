// Generated from the service's /openapi.json by `npm run -w @eventonight/web gen:api`. Do not edit:
// web/e2e/api-client.test.ts fails when this file no longer matches the service.

export interface paths {
    "/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether I have a calendar feed of my tickets, and since when
         * @description Its address is shown only when it is made (POST); `feed` is null when there is none.
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
                            feed: {
                                createdAt: string;
                            } | null;
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
         * Make my calendar feed, or a new address for it (the previous one stops working)
         * @description 201: the feed's address, `<app>/api/ticketing/calendar-feed/<token>.ics`, to subscribe to in a calendar app. It is shown only now (only a digest of the token is kept); asking again makes a new address and ends the old one.
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
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** @description The feed's address, for a calendar app ("subscribe by URL"). Shown only now: only a digest of its secret is kept. */
                            url: string;
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
        /**
         * Stop my calendar feed: its address answers 404 from now on
         * @description Idempotent: 204 whether or not there was a feed.
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
    "/calendar-feed/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member's tickets as an iCalendar feed (RFC 5545), for calendar apps
         * @description Public: the token in the address is the credential. One VEVENT per event the member holds tickets for that get someone in (valid or used), saying how many of which tier; a cancelled event stays as STATUS:CANCELLED; a refunded order's tickets leave it. UID is the event's (as in its own calendar file and the mails), SEQUENCE the event version ticketing last applied. 404 `not-found`: no feed has this token (never made, replaced, stopped, or its member's account deleted).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
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
                        "text/calendar": string;
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
    "/door-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My door places: open invitations to my confirmed email address, and the events whose door I staff
         * @description An invitation shows only while the email address in the token is confirmed (`email_verified`).
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
                            items: {
                                acceptedAt: string | null;
                                email: string;
                                eventId: string;
                                eventTitle: string;
                                invitedAt: string;
                                memberName: string | null;
                                revokedAt: string | null;
                                staffId: string;
                                startsAt: string | null;
                                /** @enum {string} */
                                status: "invited" | "accepted" | "revoked";
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
    "/door-invitations/{invitationId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a door invitation sent to my (confirmed) email address
         * @description Idempotent for the member who accepted. 403 `forbidden`: the invitation was sent to another address than the token's `email` (or someone else accepted it). 403 `/problems/door-email-not-verified`: the address matches but is not confirmed. 409 `conflict`: the organizer revoked it. 404 `not-found`: no such invitation.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invitationId: string;
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
                            acceptedAt: string | null;
                            email: string;
                            eventId: string;
                            invitedAt: string;
                            memberId: string | null;
                            memberName: string | null;
                            revokedAt: string | null;
                            staffId: string;
                            /** @enum {string} */
                            status: "invited" | "accepted" | "revoked";
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
                /** @description `https://eventonight.dev/problems/door-email-not-verified` Email address not confirmed; `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/door-email-not-verified" | "https://eventonight.dev/problems/forbidden";
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
    "/events/{eventId}/attendees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An event's tickets, newest first, with tier, holder's name, order and check-in (the event's organizer only)
         * @description 404 `not-found`: no tickets are known for this event. 403 `forbidden`: the event is another organizer's. 422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    /** @description Page size, 1–200 (default 100). */
                    limit?: number;
                };
                header?: never;
                path: {
                    eventId: string;
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
                                holderId: string;
                                holderName: string | null;
                                issuedAt: string;
                                orderId: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "invalidated";
                                ticketId: string;
                                tierId: string;
                                tierName: string;
                                usedAt: string | null;
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
    "/events/{eventId}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Seats left per ticket tier of an event (public)
         * @description 404 `not-found`: no tickets are known for this event (not published, or no such event).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
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
                            eventId: string;
                            onSale: boolean;
                            /** @description Members may ask for a refund until then (ISO 8601); null: no refunds */
                            refundableUntil: string | null;
                            tiers: {
                                available: number;
                                capacity: number;
                                currency: string;
                                name: string;
                                priceMinor: number;
                                /** @description The organizer closed sales of this tier */
                                salesClosed: boolean;
                                tierId: string;
                                /** @description Members on its waiting list (in line or holding an offer) */
                                waiting: number;
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
    "/events/{eventId}/check-ins/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A door device's check-ins made offline, merged: one check-in per ticket, the first scan wins (organizer and its door staff)
         * @description Each entry names a ticket by `ticketId` or `code`, and when it was scanned. Per entry: `checked-in` (this scan is the ticket's check-in, also when the batch is sent again: replaying changes nothing), `already-used` (an earlier scan of another device, or another scan, won: `usedAt`, `checkedInByName`, `deviceName` say which), `invalidated`, `not-found` (no ticket of this event), `door-closed` (scanned outside the door hours). 404 `not-found`: no tickets are known for this event. 403 `forbidden`: not this event's organizer or door staff (a revoked member included).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deviceId: string;
                        deviceName: string;
                        entries: {
                            code?: string;
                            /** Format: date-time */
                            scannedAt: string;
                            ticketId?: string;
                        }[];
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
                            results: {
                                checkedInByName: string | null;
                                deviceId: string | null;
                                deviceName: string | null;
                                holderName: string | null;
                                index: number;
                                /** @enum {string} */
                                outcome: "checked-in" | "already-used" | "invalidated" | "not-found" | "door-closed";
                                ticketId: string | null;
                                tierName: string | null;
                                usedAt: string | null;
                            }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/door-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event's check-in list for an offline door: digests of the codes, never the codes (organizer and its door staff)
         * @description Each ticket: id, `codeHash` (base64url SHA-256 of `<eventId>:<code>`), tier, holder's initials, status and check-in. 404 `not-found`: no tickets are known for this event. 403 `forbidden`: not this event's organizer or door staff. 422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    /** @description Page size, 1–1000 (default 1000). */
                    limit?: number;
                };
                header?: never;
                path: {
                    eventId: string;
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
                                checkedInByName: string | null;
                                /** @description base64url SHA-256 of `<eventId>:<code>`; the code itself is never listed */
                                codeHash: string;
                                deviceName: string | null;
                                holderInitials: string | null;
                                /** @enum {string} */
                                status: "valid" | "used" | "invalidated";
                                ticketId: string;
                                tierName: string;
                                usedAt: string | null;
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
    "/events/{eventId}/door-staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event's door staff (invited, accepted, revoked) and check-ins per person (its organizer only)
         * @description 404 `not-found`: no tickets are known for this event. 403 `forbidden`: the event is another organizer's.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
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
                                acceptedAt: string | null;
                                /** @description Tickets this member let in */
                                checkIns: number;
                                email: string;
                                eventId: string;
                                invitedAt: string;
                                memberId: string | null;
                                memberName: string | null;
                                revokedAt: string | null;
                                staffId: string;
                                /** @enum {string} */
                                status: "invited" | "accepted" | "revoked";
                            }[];
                            /** @description Tickets the organizer let in themself */
                            organizerCheckIns: number;
                            /** @description Tickets let in before check-ins recorded who scanned */
                            unattributedCheckIns: number;
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
        /**
         * Invite a member by email to check tickets in at the door of this event (its organizer only)
         * @description 201: a new invitation. 200: this address already has an open invitation or place at this door (answered again). 404 `not-found`: no tickets are known for this event. 403 `forbidden`: the event is another organizer's.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The member to invite (case does not matter). */
                        email: string;
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
                            acceptedAt: string | null;
                            email: string;
                            eventId: string;
                            invitedAt: string;
                            memberId: string | null;
                            memberName: string | null;
                            revokedAt: string | null;
                            staffId: string;
                            /** @enum {string} */
                            status: "invited" | "accepted" | "revoked";
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
                            acceptedAt: string | null;
                            email: string;
                            eventId: string;
                            invitedAt: string;
                            memberId: string | null;
                            memberName: string | null;
                            revokedAt: string | null;
                            staffId: string;
                            /** @enum {string} */
                            status: "invited" | "accepted" | "revoked";
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
    "/events/{eventId}/door-staff/{staffId}": {
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
         * Revoke a door staff member or an invitation: their next scan or sync is refused (its organizer only)
         * @description Idempotent: 204 also when already revoked. 404 `not-found`: no tickets are known for this event, or it has no such staff member. 403 `forbidden`: the event is another organizer's.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    staffId: string;
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
    "/events/{eventId}/refund-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the event's refund policy: none, or until N days before the start (the event's organizer only) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null: no refunds; N: members may ask until N days before the start */
                        refundDaysBefore: number | null;
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
                            refundDaysBefore: number | null;
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales of an event per tier: capacity, sold, held, seats left, refunded, checked in, revenue (the event's organizer only)
         * @description 404 `not-found`: no tickets are known for this event. 403 `forbidden`: the event is another organizer's.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
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
                            closedReason: ("cancelled" | "completed") | null;
                            eventId: string;
                            onSale: boolean;
                            revenue: {
                                amountMinor: number;
                                currency: string;
                            }[];
                            tiers: {
                                capacity: number;
                                checkedIn: number;
                                currency: string;
                                /** @description Seats held by checkouts in progress */
                                held: number;
                                name: string;
                                priceMinor: number;
                                /** @description Seats sold, then refunded */
                                refunded: number;
                                /** @description sold × price, in minor units of currency */
                                revenueMinor: number;
                                seatsLeft: number;
                                /** @description Seats sold and not refunded */
                                sold: number;
                                tierId: string;
                            }[];
                            title: string;
                            totals: {
                                capacity: number;
                                checkedIn: number;
                                held: number;
                                refunded: number;
                                seatsLeft: number;
                                sold: number;
                            };
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
    "/events/{eventId}/tickets/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Scan a ticket at the door (the event's organizer or its door staff; valid once)
         * @description 200 names the tier and the holder. A refused ticket of this event answers 409 with type `/problems/already-used` or `/problems/ticket-invalidated`, and the extension members `ticketId`, `tierName`, `holderName` (null if unknown) and `usedAt` (ISO 8601, null if never used). Outside the door hours (from 6 hours before the start until the end, as the event is scheduled now) it answers 409 `/problems/door-closed` with `ticketId`, `tierName`, `holderName`, `startsAt`, `opensAt` and `closesAt`; the ticket stays unused. 404 `not-found`: no tickets are known for this event, or no ticket of this event has this code (a code of another event included). 403 `forbidden`: not this event's organizer or door staff (ADR 0038). 200 and 409 `already-used` also say who let the guest in (`checkedInByName`) and on which device (`deviceName`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        deviceId?: string;
                        deviceName?: string;
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
                            checkedInByName: string;
                            deviceName: string | null;
                            eventId: string;
                            holderId: string;
                            holderName: string | null;
                            /** @constant */
                            status: "used";
                            ticketId: string;
                            tierId: string;
                            tierName: string;
                            usedAt: string;
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
                /** @description `https://eventonight.dev/problems/already-used` Ticket already used; `https://eventonight.dev/problems/door-closed` Doors are not open for this event now; `https://eventonight.dev/problems/ticket-invalidated` Ticket invalidated */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/already-used" | "https://eventonight.dev/problems/door-closed" | "https://eventonight.dev/problems/ticket-invalidated";
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
    "/events/{eventId}/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a tier after publication (the event's organizer only; the same name again is the same tier) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity: number;
                        currency: string;
                        name: string;
                        priceMinor: number;
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
                            capacity: number;
                            currency: string;
                            name: string;
                            priceMinor: number;
                            salesClosed: boolean;
                            tierId: string;
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
                            capacity: number;
                            currency: string;
                            name: string;
                            priceMinor: number;
                            salesClosed: boolean;
                            tierId: string;
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
                /** @description `https://eventonight.dev/problems/sales-ended` Sales of this event have ended; `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/sales-ended" | "https://eventonight.dev/problems/version-conflict";
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
    "/events/{eventId}/tiers/{tierId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a tier after publication: capacity and/or closed sales (the event's organizer only)
         * @description 422 `/problems/unprocessable`: neither `capacity` nor `salesClosed` given. 409 `/problems/capacity-below-sold`: the new capacity is below the seats sold and held (extension `minimum`). 409 `/problems/sales-ended`: the event is cancelled or over. Seats added go to the waiting list first.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    tierId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity?: number;
                        salesClosed?: boolean;
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
                            capacity: number;
                            currency: string;
                            name: string;
                            priceMinor: number;
                            salesClosed: boolean;
                            tierId: string;
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
                /** @description `https://eventonight.dev/problems/capacity-below-sold` Capacity below the seats already taken; `https://eventonight.dev/problems/sales-ended` Sales of this event have ended; `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/capacity-below-sold" | "https://eventonight.dev/problems/sales-ended" | "https://eventonight.dev/problems/version-conflict";
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
        trace?: never;
    };
    "/events/{eventId}/tiers/{tierId}/waiting-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join the waiting list of a sold-out tier
         * @description 201: in line (`position`), or at once `offered` when seats were free but promised to nobody. 200: already in line. 409 `/problems/seats-available`: the tier still has seats for you — buy them instead. 409 `/problems/not-on-sale`: sales are closed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    tierId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 1 */
                        quantity?: number;
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
                            entryId: string;
                            eventId: string;
                            joinedAt: string;
                            offerExpiresAt: string | null;
                            /** @description 1 = next to be offered; 0 while an offer is open or taken */
                            position: number;
                            quantity: number;
                            /**
                             * @description waiting: in line; offered: seats are held for you until offerExpiresAt; taken: bought
                             * @enum {string}
                             */
                            state: "waiting" | "offered" | "taken";
                            tierId: string;
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
                            entryId: string;
                            eventId: string;
                            joinedAt: string;
                            offerExpiresAt: string | null;
                            /** @description 1 = next to be offered; 0 while an offer is open or taken */
                            position: number;
                            quantity: number;
                            /**
                             * @description waiting: in line; offered: seats are held for you until offerExpiresAt; taken: bought
                             * @enum {string}
                             */
                            state: "waiting" | "offered" | "taken";
                            tierId: string;
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
                /** @description `https://eventonight.dev/problems/not-on-sale` Not on sale; `https://eventonight.dev/problems/seats-available` Tickets are still available; `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/not-on-sale" | "https://eventonight.dev/problems/seats-available" | "https://eventonight.dev/problems/version-conflict";
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
    "/events/{eventId}/tiers/{tierId}/waiting-list/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My place on the waiting list of a tier (404 when not in line) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    tierId: string;
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
                            entryId: string;
                            eventId: string;
                            joinedAt: string;
                            offerExpiresAt: string | null;
                            /** @description 1 = next to be offered; 0 while an offer is open or taken */
                            position: number;
                            quantity: number;
                            /**
                             * @description waiting: in line; offered: seats are held for you until offerExpiresAt; taken: bought
                             * @enum {string}
                             */
                            state: "waiting" | "offered" | "taken";
                            tierId: string;
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
        /** Leave the waiting list (an open offer passes to the next in line) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    tierId: string;
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
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/tiers/{tierId}/waiting-list/me/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take my waiting-list offer: a checkout of the seats held for me (same answer as POST /orders)
         * @description 409 `/problems/no-offer`: no open offer (expired, or still waiting).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    tierId: string;
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
                            checkoutUrl: string | null;
                            orderId: string;
                            /** @enum {string} */
                            status: "pending" | "awaiting_payment" | "paid" | "expired" | "rejected" | "refund_pending" | "refunded";
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
                            checkoutUrl: string | null;
                            orderId: string;
                            /** @enum {string} */
                            status: "pending" | "awaiting_payment" | "paid" | "expired" | "rejected" | "refund_pending" | "refunded";
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
                /** @description `https://eventonight.dev/problems/email-not-verified` Email address not confirmed; `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/email-not-verified" | "https://eventonight.dev/problems/forbidden";
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
                /** @description `https://eventonight.dev/problems/no-offer` No offer to take; `https://eventonight.dev/problems/not-on-sale` Not on sale; `https://eventonight.dev/problems/sold-out` Sold out; `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/no-offer" | "https://eventonight.dev/problems/not-on-sale" | "https://eventonight.dev/problems/sold-out" | "https://eventonight.dev/problems/version-conflict";
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
    "/internal/events/{eventId}/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Dual path from the event service: open sales for a published event (service token, azp=event-service)
         * @description Idempotent: `opened` the first time, `unchanged` after (tiers are frozen at publish). 422 `unprocessable`: the body's `event.eventId` is not the path's `eventId`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        aggregateVersion: number;
                        event: {
                            /** @enum {string} */
                            category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                            city: string | null;
                            coverMediaId: string | null;
                            /** Format: date-time */
                            endsAt: string;
                            eventId: string;
                            organizerId: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "cancelled" | "completed";
                            title: string;
                            venue?: {
                                address: string;
                                city: string;
                                name: string;
                            };
                        };
                        tiers: {
                            currency: string;
                            name: string;
                            priceMinor: number;
                            quantity: number;
                            tierId: string;
                        }[];
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
                            outcome: "opened" | "unchanged";
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
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My orders, newest first
         * @description 422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    /** @description Page size, 1–100 (default 20). */
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
                                checkoutSessionId: string | null;
                                checkoutUrl: string | null;
                                createdAt: string;
                                eventId: string;
                                orderId: string;
                                quantity: number;
                                /** @enum {string} */
                                status: "pending" | "awaiting_payment" | "paid" | "expired" | "rejected" | "refund_pending" | "refunded";
                                ticketIds: string[];
                                tierId: string;
                                total: {
                                    amountMinor: number;
                                    currency: string;
                                };
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
         * Checkout: hold seats and get a Stripe Checkout URL (Idempotency-Key required)
         * @description 201: a new order. A paid tier answers `awaiting_payment` with the Stripe Checkout `checkoutUrl` (seats held until the session expires); a free tier is settled at once (`paid`, `checkoutUrl` null). 200: the same `Idempotency-Key` and purchase again — the order as it is now, never a second hold or charge. 403 `/problems/email-not-verified`: the buyer has not confirmed their email address yet (token claim `email_verified`). 404 `not-found`: no tickets are known for this event, or it has no such tier. 409 `/problems/not-on-sale`: sales are closed (cancelled, completed or started). 409 `/problems/sold-out`: fewer seats than `quantity` remain (extension `available`: how many). 422 `unprocessable`: this `Idempotency-Key` was used for a different purchase (extension `reason`: `idempotency-key-reused`). 409 `version-conflict`: the tier was contended by other replicas through every retry (rare); 503 `service-unavailable`: the payment provider failed, nothing is held. Either way retry with the same key.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required. Chosen by the client, one per purchase: 8 to 200 printable ASCII characters, U+0021 `!` to U+007E `~` (no space, no control character, nothing beyond ASCII), e.g. a UUID. It is case-sensitive and scoped to the caller. The same key with the same `eventId`, `tierId` and `quantity` answers the same order again (200, never a second hold or charge), also after a failed try; the same key with a different purchase is 422 `unprocessable` (`reason: "idempotency-key-reused"`). */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        eventId: string;
                        quantity: number;
                        tierId: string;
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
                            checkoutUrl: string | null;
                            orderId: string;
                            /** @enum {string} */
                            status: "pending" | "awaiting_payment" | "paid" | "expired" | "rejected" | "refund_pending" | "refunded";
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
                            checkoutUrl: string | null;
                            orderId: string;
                            /** @enum {string} */
                            status: "pending" | "awaiting_payment" | "paid" | "expired" | "rejected" | "refund_pending" | "refunded";
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
                /** @description `https://eventonight.dev/problems/email-not-verified` Email address not confirmed; `https://eventonight.dev/problems/forbidden` Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/email-not-verified" | "https://eventonight.dev/problems/forbidden";
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
                /** @description `https://eventonight.dev/problems/not-on-sale` Not on sale; `https://eventonight.dev/problems/sold-out` Sold out; `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/not-on-sale" | "https://eventonight.dev/problems/sold-out" | "https://eventonight.dev/problems/version-conflict";
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
    "/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of my orders (the checkout return page follows its status)
         * @description 404 `not-found`: no such order, or it is someone else's.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
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
                            checkoutSessionId: string | null;
                            checkoutUrl: string | null;
                            createdAt: string;
                            eventId: string;
                            orderId: string;
                            quantity: number;
                            /** @enum {string} */
                            status: "pending" | "awaiting_payment" | "paid" | "expired" | "rejected" | "refund_pending" | "refunded";
                            ticketIds: string[];
                            tierId: string;
                            total: {
                                amountMinor: number;
                                currency: string;
                            };
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
    "/orders/{orderId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund my paid order within the event’s refund policy (its tickets stop working at once)
         * @description 404 `not-found`: no such order of yours. 409 `/problems/not-refundable` with extension `reason`: `no-refunds`, `window-closed` (with `refundableUntil`), `not-paid`, `transferred`, `used` or `failed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
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
                            checkoutSessionId: string | null;
                            checkoutUrl: string | null;
                            createdAt: string;
                            eventId: string;
                            orderId: string;
                            quantity: number;
                            /** @enum {string} */
                            status: "pending" | "awaiting_payment" | "paid" | "expired" | "rejected" | "refund_pending" | "refunded";
                            ticketIds: string[];
                            tierId: string;
                            total: {
                                amountMinor: number;
                                currency: string;
                            };
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
                /** @description `https://eventonight.dev/problems/not-refundable` This order cannot be refunded; `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/not-refundable" | "https://eventonight.dev/problems/version-conflict";
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
    "/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My tickets, newest first
         * @description 422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    /** @description Page size, 1–100 (default 20). */
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
                                /** @description The QR payload; empty once the ticket can no longer get anyone in (used or invalidated). */
                                code: string;
                                eventId: string;
                                issuedAt: string;
                                orderId: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "invalidated";
                                ticketId: string;
                                tierId: string;
                                usedAt: string | null;
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
    "/tickets/{ticketId}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give my ticket to another member: a new code for them, the old code is refused at the door at once
         * @description 404 `not-found`: no such ticket of yours. 409 `conflict`: the ticket was used or is no longer valid. 422 `unprocessable` (`reason`: `transfer-to-self` or `unknown-recipient`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ticketId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The recipient's member id (shown on their profile page) */
                        recipientId: string;
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
                            /** @description The QR payload; empty once the ticket can no longer get anyone in (used or invalidated). */
                            code: string;
                            eventId: string;
                            issuedAt: string;
                            orderId: string;
                            /** @enum {string} */
                            status: "valid" | "used" | "invalidated";
                            ticketId: string;
                            tierId: string;
                            usedAt: string | null;
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
                /** @description `https://eventonight.dev/problems/conflict` Conflict; `https://eventonight.dev/problems/version-conflict` Version conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/conflict" | "https://eventonight.dev/problems/version-conflict";
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
    "/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe webhook: verified on the raw body, stored once, processed by a worker
         * @description For Stripe only: the body is a Stripe event (JSON, any content type), accepted only with the `Stripe-Signature` Stripe computed over these exact bytes with this endpoint's secret. 200: verified and stored (`duplicate: true` when this event id was received before; nothing is applied twice). 400 `/problems/stripe-signature-invalid`: the signature does not match the body, was made with another secret, or is older than 5 minutes (Stripe retries).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required: Stripe's signature of the raw body, `t=<unix time>,v1=<HMAC-SHA256 in hex>` (more `v1=` elements while a secret is rolled), made with the endpoint secret. A missing or malformed header is 400 `validation`; one that does not sign these exact bytes with the secret, or is older than 5 minutes, is 400 `stripe-signature-invalid`. */
                    "stripe-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "*/*": string;
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
                            duplicate: boolean;
                            /** @constant */
                            received: true;
                        };
                    };
                };
                /** @description `https://eventonight.dev/problems/bad-request` Bad request; `https://eventonight.dev/problems/stripe-signature-invalid` Stripe signature not valid; `https://eventonight.dev/problems/validation` Request validation failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"] & {
                            /** @enum {unknown} */
                            type?: "https://eventonight.dev/problems/bad-request" | "https://eventonight.dev/problems/stripe-signature-invalid" | "https://eventonight.dev/problems/validation";
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
