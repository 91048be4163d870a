// Generated from contracts/ca.yaml by `npm run generate` (openapi-typescript). Do not edit:
// change the contract and regenerate.

export interface paths {
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request a token for an administrator service account
         * @description Documented by CA. All four fields are required; a missing one answers `missing_input`
         *     naming it, checked in the order `client_txn_id`, `client_app_id`, `username`,
         *     `password`. A wrong username or password answers `unauthorized_access` ("Invalid
         *     credentials"). `Content-Type: application/json` is optional (a body without one is read
         *     as JSON); `CA_com_apiVersion` is optional, `1.0` when given.
         */
        post: operations["requestToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Account [MOCK path and body]
         * @description **[MOCK]**: CA names the Add Account API and its errors only. Creates a cardholder
         *     account in the caller's tenant, with its user factors; each kind (contacts, devices)
         *     gets exactly one default, the one marked `is_default` or else the first. Cards are
         *     linked afterwards with Add Link.
         */
        post: operations["addAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete Account [MOCK path]
         * @description **[MOCK]**: deletes the account and its user factors; its cards stay known to the ACS,
         *     unlinked.
         */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * Linked Accounts [MOCK path]
         * @description **[MOCK]**: the cards linked to an account.
         */
        get: operations["linkedAccounts"];
        put?: never;
        /**
         * Add Link [MOCK path and body]
         * @description **[MOCK]**: links a card the tenant's ACS knows to the account. Linking it again to the
         *     same account changes nothing and answers 200.
         */
        post: operations["addLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/links/{card_number}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
                /** @description The linked card. */
                card_number: components["schemas"]["CardNumber"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete Link [MOCK path]
         * @description **[MOCK]**: unlinks the card from the account; a card not linked to it answers
         *     `card_not_found` [MOCK].
         */
        delete: operations["deleteLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/contacts/{contact_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
                contact_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a contact (user factor) [MOCK path]
         * @description **[MOCK]**: the default contact cannot be deleted.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/devices/{device_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
                device_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a device (user factor) [MOCK path]
         * @description **[MOCK]**: ours, so that CA's `device_not_found` has a route. The default device cannot
         *     be deleted.
         */
        delete: operations["deleteDevice"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Format: uuid
         * @description A UUID the calling application generates to name one call.
         * @example 0b6f2b1e-3c55-4f0a-9a43-5b0e7d2c1a99
         */
        ClientTxnId: string;
        /**
         * @description A tenant (enterprise, issuer) id.
         * @example hedmoral
         */
        TenantId: string;
        /**
         * @description [MOCK] 12 to 19 digits.
         * @example 4111111111111111
         */
        CardNumber: string;
        /** @description An account's name; empty or null means none. */
        OptionalName: string | null;
        /** @description The fields every account API accepts besides its own (optional there). */
        CommonFields: {
            client_txn_id?: components["schemas"]["ClientTxnId"] | null | "";
            client_app_id?: string | null;
        };
        /** @description Documented by CA; all four fields are required. Keys not listed are ignored [MOCK]. */
        TokenRequest: {
            client_txn_id: components["schemas"]["ClientTxnId"];
            /** @description The calling application, the same on every call it makes, e.g. `HEDMORAL_OPS`. */
            client_app_id: string;
            /** @description The administrator service account created at on-boarding. */
            username: string;
            /** Format: password */
            password: string;
        };
        TokenResponse: {
            /** @description A JWT; send it as the raw value of `Authorization`. */
            token: string;
        };
        ContactInput: {
            contact_id: string;
            /** @enum {string} */
            type: "email" | "mobile";
            value: string;
            is_default?: boolean | null;
        };
        DeviceInput: {
            device_id: string;
            is_default?: boolean | null;
        };
        /** @description [MOCK] body. `contact_id`s and `device_id`s are unique within the account; at most one of each kind is `is_default`. */
        AddAccountRequest: components["schemas"]["CommonFields"] & {
            tenant_id: components["schemas"]["TenantId"];
            account_id: string;
            name?: components["schemas"]["OptionalName"];
            contacts?: components["schemas"]["ContactInput"][] | null;
            devices?: components["schemas"]["DeviceInput"][] | null;
        };
        /** @description [MOCK] body. */
        AddLinkRequest: components["schemas"]["CommonFields"] & {
            card_number: components["schemas"]["CardNumber"];
            name?: components["schemas"]["OptionalName"];
        };
        Card: {
            card_number: components["schemas"]["CardNumber"];
        };
        Contact: {
            contact_id: string;
            /** @enum {string} */
            type: "email" | "mobile";
            value: string;
            is_default: boolean;
        };
        Device: {
            device_id: string;
            is_default: boolean;
        };
        /** @description [MOCK] An account as Add Account answers it. `name` is absent when the account has none. */
        Account: {
            tenant_id: string;
            account_id: string;
            name?: string;
            cards: components["schemas"]["Card"][];
            contacts: components["schemas"]["Contact"][];
            devices: components["schemas"]["Device"][];
        };
        /** @description [MOCK] An account and the cards linked to it, sorted by number. */
        LinkedAccounts: {
            tenant_id: string;
            account_id: string;
            name?: string;
            cards: components["schemas"]["Card"][];
        };
        /** @description [MOCK] An empty object. */
        Done: Record<string, never>;
        /**
         * @description Every code CA documents for the Token API and the account and user-factor APIs (all with
         *     HTTP 400), then token-sandbox's [MOCK] codes: `invalid_input` (400), `resource_not_found`
         *     (404), `method_not_allowed` (405), `rate_limit_exceeded` (429, with `Retry-After`),
         *     `internal_error` (500).
         * @enum {string}
         */
        ErrorCode: "account_not_found" | "contact_not_found" | "device_not_found" | "default_factor_cannot_be_deleted" | "card_not_found" | "account_exists" | "tenant_not_found" | "multiple_accounts_found" | "is_default_enabled_for_more_than_one_factor" | "link_already_exists" | "unauthorized_access" | "user_not_authorized" | "auth_token_verify_failed" | "auth_token_expired" | "missing_input" | "invalid_input" | "resource_not_found" | "method_not_allowed" | "rate_limit_exceeded" | "internal_error";
        Error: {
            error_code: components["schemas"]["ErrorCode"];
            error_description: string;
        };
        TokenError: components["schemas"]["Error"] & {
            /** @enum {unknown} */
            error_code?: "missing_input" | "unauthorized_access" | "invalid_input";
        };
        AddAccountError: components["schemas"]["Error"] & {
            /** @enum {unknown} */
            error_code?: "account_exists" | "tenant_not_found" | "is_default_enabled_for_more_than_one_factor" | "missing_input" | "invalid_input" | "user_not_authorized" | "auth_token_verify_failed" | "auth_token_expired";
        };
        LinkedAccountsError: components["schemas"]["Error"] & {
            /** @enum {unknown} */
            error_code?: "account_not_found" | "tenant_not_found" | "multiple_accounts_found" | "missing_input" | "invalid_input" | "user_not_authorized" | "auth_token_verify_failed" | "auth_token_expired";
        };
        AddLinkError: components["schemas"]["Error"] & {
            /** @enum {unknown} */
            error_code?: "account_not_found" | "card_not_found" | "link_already_exists" | "multiple_accounts_found" | "missing_input" | "invalid_input" | "user_not_authorized" | "auth_token_verify_failed" | "auth_token_expired";
        };
        DeleteLinkError: components["schemas"]["Error"] & {
            /** @enum {unknown} */
            error_code?: "account_not_found" | "card_not_found" | "multiple_accounts_found" | "invalid_input" | "user_not_authorized" | "auth_token_verify_failed" | "auth_token_expired";
        };
        DeleteAccountError: components["schemas"]["Error"] & {
            /** @enum {unknown} */
            error_code?: "account_not_found" | "tenant_not_found" | "multiple_accounts_found" | "missing_input" | "invalid_input" | "user_not_authorized" | "auth_token_verify_failed" | "auth_token_expired";
        };
        DeleteContactError: components["schemas"]["Error"] & {
            /** @enum {unknown} */
            error_code?: "contact_not_found" | "default_factor_cannot_be_deleted" | "account_not_found" | "multiple_accounts_found" | "invalid_input" | "user_not_authorized" | "auth_token_verify_failed" | "auth_token_expired";
        };
        DeleteDeviceError: components["schemas"]["Error"] & {
            /** @enum {unknown} */
            error_code?: "device_not_found" | "default_factor_cannot_be_deleted" | "account_not_found" | "multiple_accounts_found" | "invalid_input" | "user_not_authorized" | "auth_token_verify_failed" | "auth_token_expired";
        };
        NotFoundError: components["schemas"]["Error"] & {
            /** @constant */
            error_code?: "resource_not_found";
        };
        InternalError: components["schemas"]["Error"] & {
            /** @constant */
            error_code?: "internal_error";
        };
    };
    responses: {
        /** @description Done. */
        Done: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Done"];
            };
        };
        /** @description The account and the cards linked to it. */
        Links: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LinkedAccounts"];
            };
        };
        /** @description [MOCK] No API at this path (for instance, a path element whose percent-encoding does not decode). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["NotFoundError"];
            };
        };
        /** @description [MOCK] A failure on the provider's side; CA says to send the request again after some time. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InternalError"];
            };
        };
    };
    parameters: {
        /**
         * @description Optional, as CA documents it; `application/json` when given. A body without it is read
         *     as JSON; one declared as anything else answers `invalid_input` [MOCK].
         */
        ContentType: "application/json";
        /**
         * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
         *     [MOCK] (unless the tenant is configured lenient).
         */
        ApiVersion: "1.0";
        /**
         * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
         * @example ACC-1001
         */
        AccountId: string;
        /** @description The caller's own tenant; any other (unknown or another tenant's) answers `tenant_not_found`. */
        TenantId: components["schemas"]["TenantId"];
        /** @description Picks one of several accounts that share the `account_id`. */
        Name: string;
        /** @description A UUID naming this call (kept in the sandbox's journal). */
        ClientTxnId: components["schemas"]["ClientTxnId"];
        /** @description The calling application; must be the one the token was issued to. */
        ClientAppId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    requestToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional, as CA documents it; `application/json` when given. A body without it is read
                 *     as JSON; one declared as anything else answers `invalid_input` [MOCK].
                 */
                "Content-Type"?: components["parameters"]["ContentType"];
                /**
                 * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
                 *     [MOCK] (unless the tenant is configured lenient).
                 */
                CA_com_apiVersion?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The token, to send as the raw value of `Authorization`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /**
             * @description `missing_input` (a field absent, null or empty), `unauthorized_access` (wrong
             *     credentials), `invalid_input` [MOCK] (a wrong type or format, bad JSON, a body over
             *     the limit, an unsupported `CA_com_apiVersion` or `Content-Type`).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenError"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    addAccount: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional, as CA documents it; `application/json` when given. A body without it is read
                 *     as JSON; one declared as anything else answers `invalid_input` [MOCK].
                 */
                "Content-Type"?: components["parameters"]["ContentType"];
                /**
                 * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
                 *     [MOCK] (unless the tenant is configured lenient).
                 */
                CA_com_apiVersion?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddAccountRequest"];
            };
        };
        responses: {
            /** @description The account as created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /**
             * @description `account_exists`, `tenant_not_found` (any `tenant_id` but the caller's own),
             *     `is_default_enabled_for_more_than_one_factor`, `missing_input`, the token's and the
             *     permission's errors, `invalid_input` [MOCK].
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddAccountError"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    deleteAccount: {
        parameters: {
            query: {
                /** @description The caller's own tenant; any other (unknown or another tenant's) answers `tenant_not_found`. */
                tenant_id: components["parameters"]["TenantId"];
                /** @description Picks one of several accounts that share the `account_id`. */
                name?: components["parameters"]["Name"];
                /** @description A UUID naming this call (kept in the sandbox's journal). */
                client_txn_id?: components["parameters"]["ClientTxnId"];
                /** @description The calling application; must be the one the token was issued to. */
                client_app_id?: components["parameters"]["ClientAppId"];
            };
            header?: {
                /**
                 * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
                 *     [MOCK] (unless the tenant is configured lenient).
                 */
                CA_com_apiVersion?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            /**
             * @description `account_not_found`, `multiple_accounts_found` (several accounts share the
             *     `account_id` and no `name` picks one), `tenant_not_found`, `missing_input`, the
             *     token's and the permission's errors, `invalid_input` [MOCK].
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteAccountError"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    linkedAccounts: {
        parameters: {
            query: {
                /** @description The caller's own tenant; any other (unknown or another tenant's) answers `tenant_not_found`. */
                tenant_id: components["parameters"]["TenantId"];
                /** @description Picks one of several accounts that share the `account_id`. */
                name?: components["parameters"]["Name"];
                /** @description A UUID naming this call (kept in the sandbox's journal). */
                client_txn_id?: components["parameters"]["ClientTxnId"];
                /** @description The calling application; must be the one the token was issued to. */
                client_app_id?: components["parameters"]["ClientAppId"];
            };
            header?: {
                /**
                 * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
                 *     [MOCK] (unless the tenant is configured lenient).
                 */
                CA_com_apiVersion?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Links"];
            /**
             * @description `account_not_found`, `multiple_accounts_found`, `tenant_not_found`,
             *     `missing_input`, the token's and the permission's errors, `invalid_input` [MOCK].
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkedAccountsError"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    addLink: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional, as CA documents it; `application/json` when given. A body without it is read
                 *     as JSON; one declared as anything else answers `invalid_input` [MOCK].
                 */
                "Content-Type"?: components["parameters"]["ContentType"];
                /**
                 * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
                 *     [MOCK] (unless the tenant is configured lenient).
                 */
                CA_com_apiVersion?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddLinkRequest"];
            };
        };
        responses: {
            200: components["responses"]["Links"];
            /**
             * @description `card_not_found` (a card the tenant's ACS does not know), `link_already_exists`
             *     (linked to another account), `account_not_found`, `multiple_accounts_found`,
             *     `missing_input`, the token's and the permission's errors, `invalid_input` [MOCK].
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddLinkError"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteLink: {
        parameters: {
            query?: {
                /** @description Picks one of several accounts that share the `account_id`. */
                name?: components["parameters"]["Name"];
                /** @description A UUID naming this call (kept in the sandbox's journal). */
                client_txn_id?: components["parameters"]["ClientTxnId"];
                /** @description The calling application; must be the one the token was issued to. */
                client_app_id?: components["parameters"]["ClientAppId"];
            };
            header?: {
                /**
                 * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
                 *     [MOCK] (unless the tenant is configured lenient).
                 */
                CA_com_apiVersion?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
                /** @description The linked card. */
                card_number: components["schemas"]["CardNumber"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            /**
             * @description `account_not_found`, `multiple_accounts_found`, `card_not_found` [MOCK], the
             *     token's and the permission's errors, `invalid_input` [MOCK].
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteLinkError"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteContact: {
        parameters: {
            query?: {
                /** @description Picks one of several accounts that share the `account_id`. */
                name?: components["parameters"]["Name"];
                /** @description A UUID naming this call (kept in the sandbox's journal). */
                client_txn_id?: components["parameters"]["ClientTxnId"];
                /** @description The calling application; must be the one the token was issued to. */
                client_app_id?: components["parameters"]["ClientAppId"];
            };
            header?: {
                /**
                 * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
                 *     [MOCK] (unless the tenant is configured lenient).
                 */
                CA_com_apiVersion?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            /**
             * @description `contact_not_found`, `default_factor_cannot_be_deleted`, `account_not_found`,
             *     `multiple_accounts_found`, the token's and the permission's errors, `invalid_input`
             *     [MOCK].
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteContactError"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteDevice: {
        parameters: {
            query?: {
                /** @description Picks one of several accounts that share the `account_id`. */
                name?: components["parameters"]["Name"];
                /** @description A UUID naming this call (kept in the sandbox's journal). */
                client_txn_id?: components["parameters"]["ClientTxnId"];
                /** @description The calling application; must be the one the token was issued to. */
                client_app_id?: components["parameters"]["ClientAppId"];
            };
            header?: {
                /**
                 * @description Optional; CA documents the single value `1.0`. Any other value answers `invalid_input`
                 *     [MOCK] (unless the tenant is configured lenient).
                 */
                CA_com_apiVersion?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description The account's id within the tenant. A percent-encoding that does not decode answers 404.
                 * @example ACC-1001
                 */
                account_id: components["parameters"]["AccountId"];
                device_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            /**
             * @description `device_not_found` (CA's description says contact_id), `default_factor_cannot_be_deleted`,
             *     `account_not_found`, `multiple_accounts_found`, the token's and the permission's
             *     errors, `invalid_input` [MOCK].
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteDeviceError"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
}
