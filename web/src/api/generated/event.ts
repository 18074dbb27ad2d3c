// Generated from the service's /openapi.json by `npm run -w @eventonight/web gen:api`. Do not edit:
// web/e2e/api-client.test.ts fails when this file no longer matches the service.

export interface paths {
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse published events
         * @description Published events sorted by start then id. `from` is inclusive and `to` exclusive on startsAt; `city` matches exactly, ignoring case; `q` searches title and description.
         */
        get: {
            parameters: {
                query?: {
                    category?: "music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other";
                    city?: string;
                    cursor?: string;
                    from?: string;
                    limit?: string;
                    organizerId?: string;
                    q?: string;
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
                /** @description Invalid request (problem details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an event as a draft */
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
                        description: string;
                        /** Format: date-time */
                        endsAt: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** @default [] */
                        tags?: string[];
                        /** @default [] */
                        tiers?: {
                            currency: string;
                            name: string;
                            priceMinor: number;
                            quantity: number;
                        }[];
                        title: string;
                        venue: {
                            address: string;
                            city: string;
                            location?: {
                                lat: number;
                                lng: number;
                            } | null;
                            name: string;
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
                /** @description Invalid request (problem details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lacks the required role or client */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
        /** Read an event (a draft only by its organizer) */
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
                /** @description Invalid request (problem details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an event (tiers only while it is a draft) */
        patch: {
            parameters: {
                query?: never;
                header?: {
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
                        description?: string;
                        /** Format: date-time */
                        endsAt?: string;
                        /** Format: date-time */
                        startsAt?: string;
                        tags?: string[];
                        tiers?: {
                            currency: string;
                            name: string;
                            priceMinor: number;
                            quantity: number;
                            tierId?: string;
                        }[];
                        title?: string;
                        venue?: {
                            address: string;
                            city: string;
                            location?: {
                                lat: number;
                                lng: number;
                            } | null;
                            name: string;
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
                /** @description Invalid request (problem details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lacks the required role or client */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
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
        /** Cancel a published event */
        post: {
            parameters: {
                query?: never;
                header?: {
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
                        reason?: string;
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
                /** @description Invalid request (problem details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lacks the required role or client */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
        /** Publish a draft */
        post: {
            parameters: {
                query?: never;
                header?: {
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
                /** @description Invalid request (problem details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lacks the required role or client */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
        /** The calling organization's events, drafts included */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: string;
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
                /** @description Invalid request (problem details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lacks the required role or client */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
