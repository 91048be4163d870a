// Generated from contracts/sandbox.yaml by `npm run generate` (openapi-typescript). Do not edit:
// change the contract and regenerate.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status, vendors, clock and journal size */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore every vendor's seed, empty the journal, put the clock back to real time (no body) */
        post: operations["reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sandbox clock */
        get: operations["getClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop time, at now or at `at` */
        post: operations["freezeClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/unfreeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Let time run again from the sandbox's current time (no body) */
        post: operations["unfreezeClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move sandbox time forward (or back) by a duration */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Back to real time, not frozen, no offset (no body) */
        post: operations["resetClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request journal, oldest first (the newest `limit` entries) */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{name}.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the OpenAPI contracts the sandbox is built from */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/complycube/tokens/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whether ComplyCube's Web or Mobile SDK would accept a token
         * @description Without `referrer` or `origin`, the request's own `Referer` or `Origin` header is used, so
         *     a browser page can ask about itself. With `appId`, the Mobile SDK's check is made.
         */
        post: operations["verifyComplyCubeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/complycube/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every ComplyCube API key the sandbox knows, revoked ones too */
        get: operations["listComplyCubeKeys"];
        put?: never;
        /** Create an API key (test_ for sandbox, live_ for live) */
        post: operations["createComplyCubeKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/complycube/keys/{key}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key; it then answers 401 (no body) */
        post: operations["revokeComplyCubeKey"];
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
        Error: {
            error: {
                /** @enum {string} */
                code: "bad_request" | "malformed_json" | "unsupported_media_type" | "body_too_large" | "not_found" | "method_not_allowed" | "internal";
                message: string;
            };
        };
        ClockState: {
            /**
             * Format: date-time
             * @description Sandbox time.
             */
            now: string;
            /** @description Sandbox time in milliseconds since the epoch. */
            epochMs: number;
            frozen: boolean;
            /** @description Sandbox time minus real time. */
            offsetMs: number;
        };
        Health: {
            /** @constant */
            status: "ok";
            vendors: string[];
            clock: components["schemas"]["ClockState"];
            journal: {
                size: number;
                capacity: number;
            };
        };
        FreezeRequest: {
            /** @description An ISO 8601 date or epoch milliseconds; default the current sandbox time. */
            at?: string | number;
        };
        AdvanceRequest: {
            /** @description A duration such as `61m`, `90s`, `2h`, `250ms`, `1d`; a bare number is seconds; negative goes back. */
            by: string | number;
        };
        JournalEntry: {
            seq: number;
            /**
             * Format: date-time
             * @description Sandbox-clock time the request arrived.
             */
            at: string;
            vendor: string;
            environment: string | null;
            method: string;
            path: string;
            status: number;
            durationMs: number;
            /** @description Why the request was refused, precisely. */
            reason?: string;
            /** @description Non-secret facts (ids issued, token claims, the key redacted). */
            meta?: Record<string, never>;
        };
        RequestList: {
            requests: components["schemas"]["JournalEntry"][];
        };
        /** @enum {string} */
        Verdict: "valid" | "malformed" | "tampered" | "expired" | "wrong_environment" | "client_not_found" | "referrer_mismatch" | "app_id_mismatch";
        VerifyRequest: {
            token: string;
            /** @description The page the Web SDK runs on (a full URL). */
            referrer?: string | null;
            /** @description An Origin, used when `referrer` is absent. */
            origin?: string | null;
            /** @description The Mobile SDK's application or bundle id. */
            appId?: string | null;
            /**
             * @description The environment the integration expects; omit to skip that check.
             * @enum {string|null}
             */
            environment?: "sandbox" | "live" | null;
        };
        VerifyResult: {
            accepted: boolean;
            verdict: components["schemas"]["Verdict"];
            message: string;
            /** @enum {string} */
            environment?: "sandbox" | "live";
            clientId?: string;
            /** Format: date-time */
            expiresAt?: string;
            secondsLeft?: number;
            /** @description The token's claims, as the sandbox signed them. */
            claims?: Record<string, never>;
        };
        ApiKey: {
            key: string;
            /** @enum {string} */
            environment: "sandbox" | "live";
            name: string;
            revoked: boolean;
        };
        ApiKeyList: {
            keys: components["schemas"]["ApiKey"][];
        };
        CreateKeyRequest: {
            /**
             * @default sandbox
             * @enum {string|null}
             */
            environment: "sandbox" | "live" | null;
            /** @default  */
            name: string | null;
        };
        RevokeResult: {
            key: string;
            /** @constant */
            revoked: true;
        };
    };
    responses: {
        /** @description The sandbox's health. */
        Health: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Health"];
            };
        };
        /** @description The sandbox clock after the call. */
        Clock: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ClockState"];
            };
        };
        /** @description The body or a parameter is invalid, or the body is not JSON. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such thing. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the sandbox's size limit. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A body that is not application/json. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The sandbox failed to answer. */
        Internal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Health"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Health"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    freezeClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FreezeRequest"];
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
        };
    };
    unfreezeClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceRequest"];
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
        };
    };
    resetClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @example complycube */
                vendor?: string;
                /** @example sandbox */
                environment?: string;
                /**
                 * @description A substring of the path.
                 * @example /tokens
                 */
                path?: string;
                /** @example POST */
                method?: string;
                /** @example 400 */
                status?: number;
                /**
                 * @description Only entries with a greater `seq`.
                 * @example 0
                 */
                since?: number;
                /**
                 * @description How many of the newest entries (default 100).
                 * @example 10
                 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching journal entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestList"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description `complycube`, `sandbox`, or any other contract the sandbox ships.
                 * @example complycube
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract, as YAML. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    verifyComplyCubeToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyRequest"];
            };
        };
        responses: {
            /** @description The verdict (also when the SDK would refuse the token). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
        };
    };
    listComplyCubeKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    createComplyCubeKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateKeyRequest"];
            };
        };
        responses: {
            /** @description The new key. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
        };
    };
    revokeComplyCubeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example test_tokensandbox_default_0001 */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokeResult"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
}
