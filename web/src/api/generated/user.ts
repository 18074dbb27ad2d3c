// Generated from the service's /openapi.json by `npm run -w @eventonight/web gen:api`. Do not edit:
// web/e2e/api-client.test.ts fails when this file no longer matches the service.

export interface paths {
    "/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organizations whose name starts with `search`, by name */
        get: {
            parameters: {
                query?: {
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
                                /** @enum {string} */
                                role: "member" | "organization";
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
        /** Register a member or an organization (Keycloak account + profile) */
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
                        displayName: string;
                        /** Format: email */
                        email: string;
                        organization?: {
                            description?: string;
                            name: string;
                            /** Format: uri */
                            website?: string;
                        };
                        password: string;
                        /** @enum {string} */
                        role: "member" | "organization";
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
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            preferences: {
                                categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                            };
                            /** @enum {string} */
                            role: "member" | "organization";
                            updatedAt: string;
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
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user’s public profile */
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
                            /** @enum {string} */
                            role: "member" | "organization";
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
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            preferences: {
                                categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                            };
                            /** @enum {string} */
                            role: "member" | "organization";
                            updatedAt: string;
                            version: number;
                        };
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
        /**
         * Delete the caller’s account and profile
         * @description Deletes the Keycloak account, records the erasure, and publishes `user.deleted` (every service erases the person). Afterwards the same token gets 401 `account-deleted`.
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
        options?: never;
        head?: never;
        /** Change the caller’s profile (If-Match: the version, optional) */
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
                        city?: string | null;
                        displayName?: string;
                        organization?: {
                            description?: string | null;
                            name?: string;
                            website?: string | null;
                        };
                        preferences?: {
                            categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
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
                            avatarMediaId: string | null;
                            bio: string | null;
                            city: string | null;
                            createdAt: string;
                            displayName: string;
                            email: string | null;
                            id: string;
                            organization: {
                                description: string | null;
                                name: string;
                                website: string | null;
                            } | null;
                            preferences: {
                                categories: ("music" | "sport" | "art" | "theatre" | "food" | "tech" | "education" | "community" | "nightlife" | "other")[];
                            };
                            /** @enum {string} */
                            role: "member" | "organization";
                            updatedAt: string;
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
        /**
         * Ask for a copy of everything EventoNight holds about the caller
         * @description Starts an export (202): every service is asked through the bus and sends its part; the export is `ready` once all seven are in, and its archive can then be downloaded for 7 days. While an export younger than an hour is still being prepared, the same one is returned. 401 `account-deleted` for a deleted account’s token.
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
         * @description The zip holds data.json (everything, by source and section), one CSV per non-empty section (<source>-<section>.csv) and README.txt. Only the owner: 404 `not-found` for anyone else’s export (and for an unknown one), 409 `conflict` while it is being prepared, 410 `export-expired` (problem+json) once its 7 days are over.
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
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
