// Generated from the service's /openapi.json by `npm run -w @eventonight/web gen:api`. Do not edit:
// web/e2e/api-client.test.ts fails when this file no longer matches the service.

export interface paths {
    "/discover/events/{eventId}/followed-going": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of the people the caller follows are going to an event
         * @description Only the caller's own follows count; people with a private profile are never counted.
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
                            count: number;
                            names: string[];
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
    "/discover/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upcoming events of followed organizations and those followed people go to, newest first */
        get: {
            parameters: {
                query?: {
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
                                distanceKm: number | null;
                                event: {
                                    cancellationReason: string | null;
                                    cancelledAt: string | null;
                                    capacityHint: number | null;
                                    /** @enum {string} */
                                    category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                                    completedAt: string | null;
                                    coverMediaId: string | null;
                                    createdAt: string;
                                    description: string;
                                    endsAt: string;
                                    eventId: string;
                                    organizerId: string;
                                    publishedAt: string | null;
                                    startsAt: string;
                                    /** @enum {string} */
                                    status: "draft" | "published" | "cancelled" | "completed";
                                    tags: string[];
                                    tiers: {
                                        currency: string;
                                        name: string;
                                        priceMinor: number;
                                        quantity: number;
                                        tierId: string;
                                    }[];
                                    title: string;
                                    updatedAt: string;
                                    venue: {
                                        address: string;
                                        city: string;
                                        location: {
                                            lat: number;
                                            lng: number;
                                        } | null;
                                        name: string;
                                    };
                                    version: number;
                                };
                                likes: number;
                                participants: number;
                                reason: string | null;
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
    "/discover/for-you": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Upcoming events ranked for the caller, each with why
         * @description Ranked by the organizations the caller follows, what the people they follow go to (not those with a private profile), their preferred categories and their city; then by date. Follows and preferences are copies from the bus: a change shows after its event is consumed (usually well under a second).
         */
        get: {
            parameters: {
                query?: {
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
                                distanceKm: number | null;
                                event: {
                                    cancellationReason: string | null;
                                    cancelledAt: string | null;
                                    capacityHint: number | null;
                                    /** @enum {string} */
                                    category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                                    completedAt: string | null;
                                    coverMediaId: string | null;
                                    createdAt: string;
                                    description: string;
                                    endsAt: string;
                                    eventId: string;
                                    organizerId: string;
                                    publishedAt: string | null;
                                    startsAt: string;
                                    /** @enum {string} */
                                    status: "draft" | "published" | "cancelled" | "completed";
                                    tags: string[];
                                    tiers: {
                                        currency: string;
                                        name: string;
                                        priceMinor: number;
                                        quantity: number;
                                        tierId: string;
                                    }[];
                                    title: string;
                                    updatedAt: string;
                                    venue: {
                                        address: string;
                                        city: string;
                                        location: {
                                            lat: number;
                                            lng: number;
                                        } | null;
                                        name: string;
                                    };
                                    version: number;
                                };
                                likes: number;
                                participants: number;
                                reason: string | null;
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
    "/discover/near": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Upcoming events within a radius, with their distance
         * @description Around `lat`/`lng` (e.g. the browser's position) or around `city` (the centre of its published events' venues; a city with none is 404 `not-found`). Distances are great-circle km; only events whose venue has a location are found. Sorted by `distance`, `date` or `popularity` (likes + participants). Bounded by `limit`, no cursor. 422 `unprocessable`: `lat` without `lng`, or both a point and a city, or neither.
         */
        get: {
            parameters: {
                query?: {
                    category?: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                    city?: string & unknown;
                    lat?: number;
                    limit?: number;
                    lng?: number;
                    radiusKm?: number;
                    sort?: "distance" | "date" | "popularity";
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
                            center: {
                                lat: number;
                                lng: number;
                            };
                            items: {
                                distanceKm: number | null;
                                event: {
                                    cancellationReason: string | null;
                                    cancelledAt: string | null;
                                    capacityHint: number | null;
                                    /** @enum {string} */
                                    category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                                    completedAt: string | null;
                                    coverMediaId: string | null;
                                    createdAt: string;
                                    description: string;
                                    endsAt: string;
                                    eventId: string;
                                    organizerId: string;
                                    publishedAt: string | null;
                                    startsAt: string;
                                    /** @enum {string} */
                                    status: "draft" | "published" | "cancelled" | "completed";
                                    tags: string[];
                                    tiers: {
                                        currency: string;
                                        name: string;
                                        priceMinor: number;
                                        quantity: number;
                                        tierId: string;
                                    }[];
                                    title: string;
                                    updatedAt: string;
                                    venue: {
                                        address: string;
                                        city: string;
                                        location: {
                                            lat: number;
                                            lng: number;
                                        } | null;
                                        name: string;
                                    };
                                    version: number;
                                };
                                likes: number;
                                participants: number;
                                reason: string | null;
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
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse published events
         * @description Published events sorted by start then id. `from` is inclusive and `to` exclusive on startsAt; `city` matches exactly, ignoring case; `q` searches title and description. Answered 422 `unprocessable`: `to` not after `from`, or a `cursor` that is not the `nextCursor` of a page of this list.
         */
        get: {
            parameters: {
                query?: {
                    category?: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                    city?: string & unknown;
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    from?: string;
                    limit?: number;
                    organizerId?: string;
                    q?: string & unknown;
                    to?: string;
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
                                cancellationReason: string | null;
                                cancelledAt: string | null;
                                capacityHint: number | null;
                                /** @enum {string} */
                                category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                                completedAt: string | null;
                                coverMediaId: string | null;
                                createdAt: string;
                                description: string;
                                endsAt: string;
                                eventId: string;
                                organizerId: string;
                                publishedAt: string | null;
                                startsAt: string;
                                /** @enum {string} */
                                status: "draft" | "published" | "cancelled" | "completed";
                                tags: string[];
                                tiers: {
                                    currency: string;
                                    name: string;
                                    priceMinor: number;
                                    quantity: number;
                                    tierId: string;
                                }[];
                                title: string;
                                updatedAt: string;
                                venue: {
                                    address: string;
                                    city: string;
                                    location: {
                                        lat: number;
                                        lng: number;
                                    } | null;
                                    name: string;
                                };
                                version: number;
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
        /**
         * Create an event as a draft
         * @description Rules the schema cannot state are answered 422 `unprocessable`, each named in `errors`: `startsAt` must be in the future and `endsAt` after `startsAt`; tier names are unique within the event, ignoring case.
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
                        capacityHint?: number | null;
                        /** @enum {string} */
                        category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                        coverMediaId?: string | null;
                        description: string & unknown;
                        /** Format: date-time */
                        endsAt: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** @default [] */
                        tags?: (string & unknown)[];
                        /** @default [] */
                        tiers?: {
                            currency: string;
                            name: string & unknown;
                            priceMinor: number;
                            quantity: number;
                        }[];
                        title: string & unknown;
                        venue: {
                            address: string & unknown;
                            city: string & unknown;
                            location?: {
                                lat: number;
                                lng: number;
                            } | null;
                            name: string & unknown;
                        };
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
                            cancellationReason: string | null;
                            cancelledAt: string | null;
                            capacityHint: number | null;
                            /** @enum {string} */
                            category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                            completedAt: string | null;
                            coverMediaId: string | null;
                            createdAt: string;
                            description: string;
                            endsAt: string;
                            eventId: string;
                            organizerId: string;
                            publishedAt: string | null;
                            startsAt: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "cancelled" | "completed";
                            tags: string[];
                            tiers: {
                                currency: string;
                                name: string;
                                priceMinor: number;
                                quantity: number;
                                tierId: string;
                            }[];
                            title: string;
                            updatedAt: string;
                            venue: {
                                address: string;
                                city: string;
                                location: {
                                    lat: number;
                                    lng: number;
                                } | null;
                                name: string;
                            };
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
    "/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an event (a draft only by its organizer)
         * @description A missing event, and a draft read by anyone but its organizer, are the same 404 `not-found`.
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
                            cancellationReason: string | null;
                            cancelledAt: string | null;
                            capacityHint: number | null;
                            /** @enum {string} */
                            category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                            completedAt: string | null;
                            coverMediaId: string | null;
                            createdAt: string;
                            description: string;
                            endsAt: string;
                            eventId: string;
                            organizerId: string;
                            publishedAt: string | null;
                            startsAt: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "cancelled" | "completed";
                            tags: string[];
                            tiers: {
                                currency: string;
                                name: string;
                                priceMinor: number;
                                quantity: number;
                                tierId: string;
                            }[];
                            title: string;
                            updatedAt: string;
                            venue: {
                                address: string;
                                city: string;
                                location: {
                                    lat: number;
                                    lng: number;
                                } | null;
                                name: string;
                            };
                            version: number;
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
        /**
         * Edit an event (tiers only while it is a draft)
         * @description Only its organizer edits an event: another organization's draft is 404 `not-found` (as if missing), its other events 403 `forbidden`. 409 `version-conflict`: `If-Match` names another version. 409 `conflict`: the event is cancelled or completed, or the tiers change after it was published. 422 `unprocessable`, each rule named in `errors`: a changed `startsAt` must be in the future, a changed `endsAt` too, `endsAt` after `startsAt`; tier names unique ignoring case; a `tierId` must be one of this event's tiers, at most once. A patch that changes nothing writes nothing.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The `ETag` of the version this change applies to (e.g. `"3"`); `*` or no header applies it to the current version. Another version is a 409 version-conflict. */
                    "if-match"?: string;
                };
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacityHint?: number | null;
                        /** @enum {string} */
                        category?: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                        coverMediaId?: string | null;
                        description?: string & unknown;
                        /** Format: date-time */
                        endsAt?: string;
                        /** Format: date-time */
                        startsAt?: string;
                        tags?: (string & unknown)[];
                        tiers?: {
                            currency: string;
                            name: string & unknown;
                            priceMinor: number;
                            quantity: number;
                            tierId?: string;
                        }[];
                        title?: string & unknown;
                        venue?: {
                            address: string & unknown;
                            city: string & unknown;
                            location?: {
                                lat: number;
                                lng: number;
                            } | null;
                            name: string & unknown;
                        };
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
                            cancellationReason: string | null;
                            cancelledAt: string | null;
                            capacityHint: number | null;
                            /** @enum {string} */
                            category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                            completedAt: string | null;
                            coverMediaId: string | null;
                            createdAt: string;
                            description: string;
                            endsAt: string;
                            eventId: string;
                            organizerId: string;
                            publishedAt: string | null;
                            startsAt: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "cancelled" | "completed";
                            tags: string[];
                            tiers: {
                                currency: string;
                                name: string;
                                priceMinor: number;
                                quantity: number;
                                tierId: string;
                            }[];
                            title: string;
                            updatedAt: string;
                            venue: {
                                address: string;
                                city: string;
                                location: {
                                    lat: number;
                                    lng: number;
                                } | null;
                                name: string;
                            };
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
        trace?: never;
    };
    "/events/{eventId}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event as an iCalendar file (RFC 5545): "Add to calendar"
         * @description One VEVENT: UID stable per event, SEQUENCE the event's version (a calendar importing it again after a change replaces the entry), times in UTC, LOCATION the venue, URL the event's page in the web app, STATUS:CANCELLED for a cancelled event. Read like the event: a missing event, and a draft asked for by anyone but its organizer, are the same 404 `not-found`.
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
    "/events/{eventId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a published event
         * @description Only its organizer cancels an event: another organization's draft is 404 `not-found` (as if missing), its other events 403 `forbidden`. 409 `version-conflict`: `If-Match` names another version. 409 `conflict`: the event is not published, or it has already ended.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The `ETag` of the version this change applies to (e.g. `"3"`); `*` or no header applies it to the current version. Another version is a 409 version-conflict. */
                    "if-match"?: string;
                };
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string & unknown;
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
                            cancellationReason: string | null;
                            cancelledAt: string | null;
                            capacityHint: number | null;
                            /** @enum {string} */
                            category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                            completedAt: string | null;
                            coverMediaId: string | null;
                            createdAt: string;
                            description: string;
                            endsAt: string;
                            eventId: string;
                            organizerId: string;
                            publishedAt: string | null;
                            startsAt: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "cancelled" | "completed";
                            tags: string[];
                            tiers: {
                                currency: string;
                                name: string;
                                priceMinor: number;
                                quantity: number;
                                tierId: string;
                            }[];
                            title: string;
                            updatedAt: string;
                            venue: {
                                address: string;
                                city: string;
                                location: {
                                    lat: number;
                                    lng: number;
                                } | null;
                                name: string;
                            };
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
    "/events/{eventId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a draft
         * @description Only its organizer publishes a draft: another organization's draft is 404 `not-found` (as if missing), its other events 403 `forbidden`. 409 `version-conflict`: `If-Match` names another version. 409 `conflict`: the event is not a draft. 422 `unprocessable`: its `startsAt` has passed.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The `ETag` of the version this change applies to (e.g. `"3"`); `*` or no header applies it to the current version. Another version is a 409 version-conflict. */
                    "if-match"?: string;
                };
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
                            cancellationReason: string | null;
                            cancelledAt: string | null;
                            capacityHint: number | null;
                            /** @enum {string} */
                            category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                            completedAt: string | null;
                            coverMediaId: string | null;
                            createdAt: string;
                            description: string;
                            endsAt: string;
                            eventId: string;
                            organizerId: string;
                            publishedAt: string | null;
                            startsAt: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "cancelled" | "completed";
                            tags: string[];
                            tiers: {
                                currency: string;
                                name: string;
                                priceMinor: number;
                                quantity: number;
                                tierId: string;
                            }[];
                            title: string;
                            updatedAt: string;
                            venue: {
                                address: string;
                                city: string;
                                location: {
                                    lat: number;
                                    lng: number;
                                } | null;
                                name: string;
                            };
                            version: number;
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
    "/organizers/me/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling organization's events, drafts included
         * @description Sorted by start then id. A `cursor` that is not the `nextCursor` of a page of this list is answered 422 `unprocessable`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque: the `nextCursor` of the previous page of the same list. */
                    cursor?: string;
                    limit?: number;
                    status?: "draft" | "published" | "cancelled" | "completed";
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
                                cancellationReason: string | null;
                                cancelledAt: string | null;
                                capacityHint: number | null;
                                /** @enum {string} */
                                category: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                                completedAt: string | null;
                                coverMediaId: string | null;
                                createdAt: string;
                                description: string;
                                endsAt: string;
                                eventId: string;
                                organizerId: string;
                                publishedAt: string | null;
                                startsAt: string;
                                /** @enum {string} */
                                status: "draft" | "published" | "cancelled" | "completed";
                                tags: string[];
                                tiers: {
                                    currency: string;
                                    name: string;
                                    priceMinor: number;
                                    quantity: number;
                                    tierId: string;
                                }[];
                                title: string;
                                updatedAt: string;
                                venue: {
                                    address: string;
                                    city: string;
                                    location: {
                                        lat: number;
                                        lng: number;
                                    } | null;
                                    name: string;
                                };
                                version: number;
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
