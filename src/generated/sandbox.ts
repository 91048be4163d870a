// Generated from contracts/sandbox.yaml by `npm run generate` (openapi-typescript). Do not edit:
// change the contract and regenerate.

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard, an HTML page that talks to this origin's admin API only */
        get: operations["dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
        /**
         * Restore every vendor's seed, empty the journal and the token list, put the clock back to real time (no body)
         * @description Faults are cleared and the rate-limit setting goes back to the one the sandbox started with.
         */
        post: operations["reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What each vendor serves: real base URLs (msw), standalone prefixes, sandbox-only routes
         * @description No credentials; each vendor's own listings decide what they show.
         */
        get: operations["listVendors"];
        put?: never;
        post?: never;
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
    "/rate-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether rate limits are enforced, and the limits enforcement applies
         * @description `limits` lists one entry per vendor and environment (as the journal names it) with a limit: the vendors' documented ones, with the start-up overrides (`serve --config`'s `rateLimits`) or the last change on top. They are listed whether or not `enabled` is true; only while it is does a request over its window's limit get the vendor's 429.
         */
        get: operations["getRateLimits"];
        put?: never;
        /**
         * Turn enforcement on or off, or replace the limits
         * @description `enabled` turns enforcement on or off; `limits`, when given, replaces the whole list (an empty list: no limits). A field left out keeps its value; the change is checked whole and applies all or nothing. Turning enforcement on or off starts every window afresh; otherwise only the windows whose limit changed or went restart, and a change that changes nothing keeps every count. Reset puts back the setting the sandbox started with; no restart keeps a change.
         */
        post: operations["setRateLimits"];
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
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every token the sandbox signed, oldest first (the newest 200), decoded
         * @description Header and claims as signed, when, and the status by the sandbox clock; the vendor,
         *     environment, journal `seq` and path of the request that issued it when the journal has it
         *     (matched on `jti`), else null. Never the token string. Emptied by reset.
         */
        get: operations["listTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The faults in force, oldest first */
        get: operations["listFaults"];
        put?: never;
        /**
         * Delay, fail, drop or stub the next matching vendor requests
         * @description The first fault in force that matches a vendor request (after its route, credentials and body were accepted; on a path the sandbox does not simulate, once the credential passed, in place of its 404) applies to it and uses up one of its `times`. A `status` alone answers in the vendor's own error shape for that status; a body (`json`, `text` or `base64`) is a stub: the answer is that body with `contentType`, `headers` and `status` (default 200), not the vendor's; `drop` closes the connection without an answer (in-process, a network error); `delayMs` waits first (real time). `path` is contained in the request path unless `pathMatch` is `exact` or `prefix`, which compare the path below the vendor's base URL; `bodyField`/`bodyEquals` and `header`/`headerEquals` narrow the match. The journal entry of each such request names the rule (`fault`), and its `X-Token-Sandbox-Reason` header says a fault answered. Reset clears them; no restart keeps them.
         */
        post: operations["addFault"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faults/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove every fault (no body) */
        post: operations["clearFaults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faults/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove one fault (no body) */
        post: operations["removeFault"];
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
    "/ca/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The first tenant's service account and account, and the second tenant's service account
         * @description Read-only. Keyed by the CLI flags they stand in for, so `token-sandbox token|contract --sandbox URL` needs nothing else typed. Behind the admin guard like every admin route.
         */
        get: operations["getCaCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ca/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CA tenants, their base URLs, token lifetimes and service accounts (no passwords) */
        get: operations["listCaTenants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ca/tenants/{tenant}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's cardholder accounts, oldest first, as Add Account answers them */
        get: operations["listCaAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ca/tenants/{tenant}/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cards a tenant's ACS knows, and the account each is linked to */
        get: operations["listCaCards"];
        put?: never;
        /** Make a card known to a tenant's ACS, so Add Link accepts it */
        post: operations["addCaCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ca/tokens/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whether a tenant (or, without one, the tenant the token names) would accept a token */
        post: operations["verifyCaToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caf/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A production Mobile Key, one of another environment, a Core API token and a registered CPF
         * @description Read-only. Keyed by the CLI flags they stand in for, so `token-sandbox token|contract --sandbox URL` needs nothing else typed. Behind the admin guard like every admin route.
         */
        get: operations["getCafCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caf/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CAF Mobile Keys, revoked ones too, without their secrets */
        get: operations["listCafKeys"];
        put?: never;
        /** CAF's "New key" — the clientSecret is in this answer only */
        post: operations["createCafKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caf/keys/{clientId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a Mobile Key; its tokens and session tokens are refused from now on (no body) */
        post: operations["revokeCafKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caf/tokens/mint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a mobile token with a stored Mobile Key's secret, `exp` by the sandbox clock
         * @description A revoked key still signs (the token is then refused where it is used). No `expiresIn`, no `exp`.
         */
        post: operations["mintCafToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caf/tokens/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whether CAF's Mobile API of an environment would accept a mobile token, and why not */
        post: operations["verifyCafToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caf/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CAF simulation's settings */
        get: operations["getCafSettings"];
        put?: never;
        /** Change some settings; the others keep their values */
        post: operations["configureCaf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caf/faces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered faces, per environment and CPF */
        get: operations["listCafFaces"];
        put?: never;
        /** Register a face for a CPF (registering again replaces it) */
        post: operations["registerCafFace"];
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
    "/complycube/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The first API key in use of each environment, and each environment's oldest client
         * @description Read-only. Keyed by the CLI flags they stand in for, so `token-sandbox token|contract --sandbox URL` needs nothing else typed: `client-id` is the sandbox environment's oldest client, `live-client-id` the live environment's (what `token complycube` takes with a live_ key). Behind the admin guard like every admin route.
         */
        get: operations["getComplyCubeCredentials"];
        put?: never;
        post?: never;
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
                code: "bad_request" | "malformed_json" | "unsupported_media_type" | "body_too_large" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "internal" | "state_not_saved";
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
        RateLimitEntry: {
            /** @description A vendor the sandbox serves (GET /__sandbox/vendors); checked by the sandbox, which names them when it is not one */
            vendor: string;
            /** @description One of the vendor's environments, as the journal names it: ComplyCube sandbox/live, CAF prod/beta/dev, a CA tenant id. No control characters. */
            environment: string;
            /** @description Requests allowed in each window. */
            requests: number;
            /** @description The window, in milliseconds of sandbox time (windows are aligned on the sandbox clock). */
            perMs: number;
        };
        RateLimitSetting: {
            /** @description Whether a request over its window's limit gets the vendor's 429. */
            enabled: boolean;
            /** @description One entry per vendor and environment with a limit. */
            limits: components["schemas"]["RateLimitEntry"][];
        };
        /** @description Either field may be left out; `limits` replaces the whole list. */
        RateLimitChange: {
            enabled?: boolean;
            limits?: components["schemas"]["RateLimitEntry"][];
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
        VendorMount: {
            /** @description An absolute base URL (msw) or a path prefix (standalone server). */
            base: string;
            /** @description The environment this base implies, if any. */
            environment: string | null;
        };
        VendorInfo: {
            name: string;
            /** @description The environments its requests run in, as the journal names them (ComplyCube sandbox/live, CAF prod/beta/dev, CA's tenant ids): what a rate limit may name. */
            environments: string[];
            baseUrls: components["schemas"]["VendorMount"][];
            prefixes: components["schemas"]["VendorMount"][];
            adminRoutes: {
                /** @enum {string} */
                method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                /** @description The full path; parameters as `:name`. */
                path: string;
            }[];
        };
        VendorList: {
            vendors: components["schemas"]["VendorInfo"][];
        };
        IssuedToken: {
            /** @description The JOSE header, as signed. */
            header: {
                [key: string]: unknown;
            };
            /** @description The claims, as signed. */
            claims: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description Sandbox-clock time it was signed.
             */
            signedAt: string;
            vendor: string | null;
            environment: string | null;
            /** @description The journal entry of the request that issued it. */
            seq: number | null;
            path: string | null;
            /** @enum {string} */
            status: "active" | "expired" | "not_yet_valid";
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Until `exp` by the sandbox clock; null without `exp`. */
            secondsLeft: number | null;
        };
        TokenList: {
            tokens: components["schemas"]["IssuedToken"][];
        };
        FreezeRequest: {
            /** @description An ISO 8601 date or epoch milliseconds; default the current sandbox time. */
            at?: string | number;
        };
        /** @description Which requests (every field given must match) and what happens to them. At least one of `status`, `delayMs`, `drop` or a body (`json`, `text`, `base64`: at most one). Without a body, `status` is 400–599 and answers in the vendor's error shape (with `headers` added); with one, the answer is the rule's own: `status` 200–599 but 204, 205, 304 (default 200). */
        FaultRule: {
            /** @description A vendor the sandbox serves (GET /__sandbox/vendors); checked by the sandbox, which names them when it is not one */
            vendor?: string;
            /** @description One the vendor has (any vendor's, without `vendor`): ComplyCube sandbox/live, CAF prod/beta/dev, a CA tenant */
            environment?: string;
            /** @description GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS, any case. GET matches HEAD requests too; HEAD only them. */
            method?: string;
            /** @description Compared with the request path (never its query) as `pathMatch` says. */
            path?: string;
            /**
             * @description `contains`: the whole request path contains `path` (as the journal filter). `exact`, `prefix`: the path below the vendor's base URL (`/tokens` for ComplyCube's `…/v1/tokens`) equals or starts with `path`, on both transports alike. Needs `path`.
             * @default contains
             * @enum {string}
             */
            pathMatch: "contains" | "exact" | "prefix";
            /** @description A field of the JSON body, top-level or dotted (`address.country`, `items.0.id`); with `bodyEquals`. A request with no JSON body never matches. */
            bodyField?: string;
            /** @description The value `bodyField` must equal (strings at most 1000 characters). */
            bodyEquals?: string | number | boolean | null;
            /** @description A request header name (case-insensitive); with `headerEquals`. */
            header?: string;
            /** @description The header's value, exactly. */
            headerEquals?: string;
            /** @default 1 */
            times: number;
            /** @description Without a body 400–599 (the vendor's error for it); with one 200–599 but 204, 205, 304 (default 200). */
            status?: number;
            /** @default 0 */
            delayMs: number;
            /** @default false */
            drop: boolean;
            /** @description Response headers: names RFC 9110 tokens (up to 100 characters), values printable ASCII (up to 1024), no CR/LF. Refused: hop-by-hop headers, `content-length`, `content-type` (use `contentType`), `access-control-*`, `x-token-sandbox-reason`, `content-security-policy` and `x-content-type-options` (every stub answer carries `sandbox` and `nosniff`), and `set-cookie`, `clear-site-data`, `strict-transport-security`, `refresh`. Needs a `status` or a body. */
            headers?: {
                [key: string]: string;
            };
            /** @description A stub's body: any JSON value, nested at most 64 arrays or objects deep, at most 65536 bytes serialised. */
            json?: unknown;
            /** @description A stub's body: text, sent as UTF-8 (at most 65536 bytes). */
            text?: string;
            /** @description A stub's body: bytes in standard, canonical base64 (the bits past the last byte zero; at most 65536 bytes decoded). */
            base64?: string;
            /** @description The stub body's media type; default `application/json` for `json`, `text/plain; charset=utf-8` for `text`, `application/octet-stream` for `base64`. */
            contentType?: string;
        };
        Fault: {
            id: string;
            vendor: string | null;
            environment: string | null;
            method: string | null;
            path: string | null;
            /** @enum {string} */
            pathMatch: "contains" | "exact" | "prefix";
            bodyField: string | null;
            /** @description The value `bodyField` must equal; null too when there is no `bodyField`. */
            bodyEquals: string | number | boolean | null;
            /** @description Lower case. */
            header: string | null;
            headerEquals: string | null;
            /** @description Matching requests it still applies to. */
            remaining: number;
            /** @description Requests it has applied to so far. */
            hits: number;
            /** @description The status it answers (a stub's default 200 filled in); null when it only delays or drops. */
            status: number | null;
            delayMs: number;
            drop: boolean;
            /** @description The response headers it adds (lower-case names); empty when none. */
            headers: {
                [key: string]: string;
            };
            /** @description A stub's JSON body, as given. */
            json?: unknown;
            /** @description A stub's text body, as given. */
            text?: string;
            /** @description A stub's bytes, as given (base64). */
            base64?: string;
            /** @description A stub body's media type; null without a body. */
            contentType: string | null;
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
            /** @description The status answered; 0 when an injected fault dropped the connection. */
            status: number;
            durationMs: number;
            /** @description Why the request was refused, precisely. */
            reason?: string;
            /** @description Non-secret facts (ids issued, token claims, the key redacted). */
            meta?: {
                [key: string]: unknown;
            };
            /** @description The id of the fault rule that applied to the request (a stub's answer, a status, a delay or a drop). */
            fault?: string;
        };
        RequestList: {
            requests: components["schemas"]["JournalEntry"][];
            /** @description Present (true) when the answer reached its size cap (about 1 MiB) before `limit`: ask again with `before` set to the first entry's `seq` for the older ones. */
            truncated?: boolean;
        };
        CaTenant: {
            id: string;
            name: string;
            /** @description Its real host (msw), if it has one. */
            baseUrl: string | null;
            /** @description Its path prefix on the standalone server. */
            prefix: string;
            tokenMinutes: number;
            lenientApiVersion: boolean;
            acceptBearerPrefix: boolean;
            serviceAccounts: {
                username: string;
                operations: string[];
            }[];
        };
        CaTenantList: {
            tenants: components["schemas"]["CaTenant"][];
        };
        /** @description An account as CA's Add Account answers it (contracts/ca.yaml's `Account`). */
        CaAccount: {
            tenant_id: string;
            account_id: string;
            name?: string;
            cards: {
                card_number: string;
            }[];
            contacts: {
                contact_id: string;
                /** @enum {string} */
                type: "email" | "mobile";
                value: string;
                is_default: boolean;
            }[];
            devices: {
                device_id: string;
                is_default: boolean;
            }[];
        };
        CaAccountList: {
            accounts: components["schemas"]["CaAccount"][];
        };
        CaKnownCard: {
            card_number: string;
            /** @description The account_id it is linked to, if any. */
            linked_to: string | null;
        };
        CaCardList: {
            cards: components["schemas"]["CaKnownCard"][];
        };
        CaAddCardRequest: {
            card_number: string;
        };
        CaAddedCard: {
            card_number: string;
            /** @description False when the card was known already. */
            added: boolean;
        };
        CaVerifyRequest: {
            token: string;
            /** @description The tenant asked; default the one the token names. */
            tenant?: string;
        };
        /** @enum {string} */
        CaVerdict: "valid" | "malformed" | "unknown_tenant" | "wrong_tenant" | "tampered" | "expired" | "unknown_service_account";
        CaTokenReport: {
            accepted: boolean;
            verdict: components["schemas"]["CaVerdict"];
            /**
             * @description The error CA's account APIs would answer, when refused.
             * @enum {string}
             */
            error_code?: "auth_token_expired" | "auth_token_verify_failed";
            detail?: string;
            tenant?: string;
            username?: string;
            client_app_id?: string;
            /** Format: date-time */
            expiresAt?: string;
            secondsLeft?: number;
            claims?: {
                [key: string]: unknown;
            };
        };
        /** @enum {string} */
        CafEnvironment: "prod" | "beta" | "dev";
        /**
         * @description The products a Mobile Key can be linked to.
         * @enum {string}
         */
        CafProduct: "DocumentDetector" | "PassiveFaceLiveness" | "FaceAuthenticator" | "FaceLiveness" | "AddressCheck" | "SmartAuth" | "Identity" | "CafSDK";
        /** @description A Mobile Key as listings show it, without its secret. */
        CafKey: {
            clientId: string;
            environment: components["schemas"]["CafEnvironment"];
            name: string;
            products: components["schemas"]["CafProduct"][];
            revoked: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        CafKeyList: {
            keys: components["schemas"]["CafKey"][];
        };
        CafNewKeyRequest: {
            environment: components["schemas"]["CafEnvironment"];
            /** @default  */
            name: string | null;
            /** @description Repeated products are kept once. */
            products: components["schemas"]["CafProduct"][];
        };
        /** @description What "New key" shows, once. */
        CafCreatedKey: {
            clientId: string;
            clientSecret: string;
            environment: components["schemas"]["CafEnvironment"];
            name: string;
            products: components["schemas"]["CafProduct"][];
            /** Format: date-time */
            createdAt: string;
        };
        CafMintRequest: {
            /** @description A stored Mobile Key of any environment. */
            clientId: string;
            /** @description The CPF the token is restricted to. */
            peopleId?: string;
            /** @description Lifetime: seconds, or a duration such as `5m`, `90s`, `1h`. Omit for a token without `exp`. */
            expiresIn?: string | number;
        };
        CafMintedToken: {
            /** @description A JWT HS256 `{ iss, exp?, peopleId? }`. */
            token: string;
        };
        CafVerifyRequest: {
            token: string;
            environment: components["schemas"]["CafEnvironment"];
            product?: components["schemas"]["CafProduct"];
            /** @description The CPF the request would be about. */
            peopleId?: string;
        };
        /** @enum {string} */
        CafRefusal: "missing" | "malformed" | "alg_not_allowed" | "unknown_iss" | "wrong_environment" | "bad_signature" | "expired" | "not_yet_valid" | "revoked_key" | "product_not_linked" | "people_id_mismatch" | "invalid_cpf";
        CafTokenVerdict: {
            accepted: boolean;
            refusal?: components["schemas"]["CafRefusal"];
            /** @description The journal's wording of the refusal. */
            reason?: string;
            /** @description What CAF's Mobile API would answer. */
            message: string;
            clientId?: string;
            environment?: components["schemas"]["CafEnvironment"];
            products?: components["schemas"]["CafProduct"][];
            claims?: {
                [key: string]: unknown;
            };
        };
        CafSettings: {
            /** @description Refuse CPFs whose check digits are wrong. */
            strictCpf: boolean;
            /** @description Tolerance on `exp` and `nbf`. */
            clockSkewSeconds: number;
            sessionTokenLifetimeSeconds: number;
        };
        CafSettingsPatch: {
            strictCpf?: boolean;
            clockSkewSeconds?: number;
            sessionTokenLifetimeSeconds?: number;
        };
        CafFace: {
            environment: components["schemas"]["CafEnvironment"];
            peopleId: string;
            imageUrl: string;
            /** Format: date-time */
            createdAt: string;
        };
        CafFaceList: {
            faces: components["schemas"]["CafFace"][];
        };
        CafNewFace: {
            environment: components["schemas"]["CafEnvironment"];
            /** @description A CPF, 11 digits, with or without its mask (`123.456.789-09`). */
            peopleId: string;
            imageUrl: string;
        };
        CafRegisteredFace: {
            environment: components["schemas"]["CafEnvironment"];
            peopleId: string;
            imageUrl: string;
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
            claims?: {
                [key: string]: unknown;
            };
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
        SandboxCredentials: {
            /** @description Values by CLI flag name (`api-key`, `client-secret`, `password`, …). */
            credentials: {
                [key: string]: string;
            };
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
        /** @description The settings after the call. */
        CafSettings: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CafSettings"];
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
        /** @description The rate-limit setting after the call. */
        RateLimits: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RateLimitSetting"];
            };
        };
        /** @description The faults in force, oldest first. */
        FaultList: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    faults: components["schemas"]["Fault"][];
                };
            };
        };
        /** @description The server's admin guard is on and the request carries no admin token, or a wrong one. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate"?: "Bearer realm=\"token-sandbox admin\"";
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A request a web page on another site could have sent: an `Origin` other than the sandbox's own, a browser's cross-site `Sec-Fetch-Site`, a `Host` that is neither an IP address, localhost nor an allowed host (`--allowed-host`), or a state-changing request that is not `application/json` (except a bodyless POST that no browser sent: no `Origin`, `Sec-Fetch-*` or `Content-Type` header, as `curl -X POST` sends it). The admin API never grants cross-origin access. */
        Forbidden: {
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
        /** @description The server keeps a state file (`serve --state`) and could not write this change to it; the change was undone, so the request is safe to retry. */
        StateNotSaved: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description A CA tenant id.
         * @example hedmoral
         */
        Tenant: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. Its script is inline; its Content-Security-Policy allows connections to this origin only. */
            200: {
                headers: {
                    /** @description `default-src 'none'`, inline script and style, `connect-src 'self'`. */
                    "Content-Security-Policy"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    listVendors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every vendor, in the order the sandbox loads them. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    getRateLimits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RateLimits"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    setRateLimits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RateLimitChange"];
            };
        };
        responses: {
            200: components["responses"]["RateLimits"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
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
                /**
                 * @description Only the requests this fault rule applied to.
                 * @example fault_1
                 */
                fault?: string;
                /** @example 400 */
                status?: number;
                /**
                 * @description Only entries with a greater `seq`.
                 * @example 0
                 */
                since?: number;
                /**
                 * @description Only entries with a smaller `seq`: to page back from the oldest entry of an answer.
                 * @example 120
                 */
                before?: number;
                /**
                 * @description How many of the newest entries (default 100, at most the journal capacity).
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FaultList"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    addFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultRule"];
            };
        };
        responses: {
            /** @description The fault, in force. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FaultList"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    removeFault: {
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
            200: components["responses"]["FaultList"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
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
                 * @description A vendor’s contract (its name in GET /__sandbox/vendors), `sandbox`, or any other contract the sandbox ships.
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    getCaCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credentials (a name is left out when the state has none in use). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxCredentials"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    listCaTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenants. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaTenantList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    listCaAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A CA tenant id.
                 * @example hedmoral
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaAccountList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    listCaCards: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A CA tenant id.
                 * @example hedmoral
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaCardList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    addCaCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A CA tenant id.
                 * @example hedmoral
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaAddCardRequest"];
            };
        };
        responses: {
            /** @description The card was known already (`added` false). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaAddedCard"];
                };
            };
            /** @description The card is now known (`added` true). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaAddedCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    verifyCaToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaVerifyRequest"];
            };
        };
        responses: {
            /** @description The verdict (also when the token would be refused). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaTokenReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    getCafCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credentials (a name is left out when the state has none in use). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxCredentials"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    listCafKeys: {
        parameters: {
            query?: {
                /**
                 * @description Only this environment's keys (every environment when absent or empty).
                 * @example prod
                 */
                environment?: components["schemas"]["CafEnvironment"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys, without secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CafKeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    createCafKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CafNewKeyRequest"];
            };
        };
        responses: {
            /** @description The new key, with its secret (shown once). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CafCreatedKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    revokeCafKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example tokensandbox-prod-0001 */
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key, revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CafKey"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    mintCafToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CafMintRequest"];
            };
        };
        responses: {
            /** @description The mobile token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CafMintedToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    verifyCafToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CafVerifyRequest"];
            };
        };
        responses: {
            /** @description The verdict (also when the token would be refused). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CafTokenVerdict"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    getCafSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CafSettings"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    configureCaf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CafSettingsPatch"];
            };
        };
        responses: {
            200: components["responses"]["CafSettings"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    listCafFaces: {
        parameters: {
            query?: {
                /**
                 * @description Only this environment's faces (every environment when absent or empty).
                 * @example prod
                 */
                environment?: components["schemas"]["CafEnvironment"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CafFaceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
        };
    };
    registerCafFace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CafNewFace"];
            };
        };
        responses: {
            /** @description Registered; `peopleId` without its mask. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CafRegisteredFace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    getComplyCubeCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credentials (a name is left out when the state has none in use). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxCredentials"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["StateNotSaved"];
        };
    };
}
