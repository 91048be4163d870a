// Generated from contracts/complycube.yaml by `npm run generate` (openapi-typescript). Do not edit:
// change the contract and regenerate.

export interface paths {
    "/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List clients, newest first */
        get: operations["listClients"];
        put?: never;
        /** Create a client */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The client's id. Any id the environment does not hold answers 404.
                 * @example 5eb04fcd0f3e360008035eb1
                 */
                id: string;
            };
            cookie?: never;
        };
        /** Get a client */
        get: operations["getClient"];
        put?: never;
        /** Update a client (partial; nested details are merged) */
        post: operations["updateClient"];
        /** Delete a client */
        delete: operations["deleteClient"];
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
        get?: never;
        put?: never;
        /**
         * Generate an SDK token
         * @description A token is confined to one client and expires 60 minutes after it is issued. A Web SDK
         *     token is bound to a `referrer` match pattern, a Mobile SDK token to an `appId`.
         */
        post: operations["generateToken"];
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
        /**
         * @description 24 lowercase hexadecimal characters.
         * @example 5eb04fcd0f3e360008035eb1
         */
        ClientId: string;
        /** @enum {string} */
        ClientType: "person" | "company";
        /** @description A calendar date, YYYY-MM-DD. */
        Date: string;
        /** @description ISO 3166-1 alpha-2. */
        CountryCode: string;
        NullableString: string | null;
        PersonDetails: {
            firstName?: string | null;
            middleName?: string | null;
            lastName?: string | null;
            dob?: components["schemas"]["Date"] | null;
            gender?: ("male" | "female" | "other") | null;
            nationality?: components["schemas"]["CountryCode"] | null;
            birthCountry?: components["schemas"]["CountryCode"] | null;
            ssn?: components["schemas"]["NullableString"];
            socialInsuranceNumber?: components["schemas"]["NullableString"];
            nationalIdentityNumber?: components["schemas"]["NullableString"];
            taxIdentificationNumber?: components["schemas"]["NullableString"];
        };
        CompanyDetails: {
            name?: components["schemas"]["NullableString"];
            website?: components["schemas"]["NullableString"];
            registrationNumber?: components["schemas"]["NullableString"];
            incorporationCountry?: components["schemas"]["CountryCode"] | null;
            incorporationType?: components["schemas"]["NullableString"];
        };
        /** @description Up to 20 keys of at most 40 characters; string values of at most 500. */
        Metadata: {
            [key: string]: string | null;
        };
        /** @description The fields a client body may carry, besides `type`, `email` and the details. */
        ClientFields: {
            entityName?: components["schemas"]["NullableString"];
            mobile?: string | null;
            telephone?: string | null;
            joinedDate?: components["schemas"]["Date"] | null;
            externalId?: components["schemas"]["NullableString"];
            lastActionBy?: components["schemas"]["NullableString"];
            metadata?: components["schemas"]["Metadata"] | null;
        };
        /** Format: email */
        Email: string;
        /** @description A person needs `personDetails` with `firstName` and `lastName`; a company needs `companyDetails` with `name`. */
        ClientCreate: components["schemas"]["ClientFields"] & {
            type: components["schemas"]["ClientType"];
            email: components["schemas"]["Email"];
            personDetails?: components["schemas"]["PersonDetails"] | null;
            companyDetails?: components["schemas"]["CompanyDetails"] | null;
        } & ({
            /** @constant */
            type: "person";
            personDetails: {
                firstName: string;
                lastName: string;
            };
            companyDetails?: null;
        } | {
            /** @constant */
            type: "company";
            companyDetails: {
                name: string;
            };
            personDetails?: null;
        });
        /** @description Any client field; `type` cannot change; nested details are merged field by field. */
        ClientUpdate: components["schemas"]["ClientFields"] & {
            type?: components["schemas"]["ClientType"];
            email?: components["schemas"]["Email"];
            personDetails?: components["schemas"]["PersonDetails"];
            companyDetails?: components["schemas"]["CompanyDetails"] | null;
        };
        /** @description A client as ComplyCube returns it. */
        Client: components["schemas"]["ClientFields"] & {
            id: components["schemas"]["ClientId"];
            type: components["schemas"]["ClientType"];
            email: components["schemas"]["Email"];
            personDetails?: components["schemas"]["PersonDetails"] | null;
            companyDetails?: components["schemas"]["CompanyDetails"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ClientList: {
            page: number;
            pageSize: number;
            totalItems: number;
            pages: number;
            items: components["schemas"]["Client"][];
        };
        /**
         * @description A Chrome match pattern, `<scheme>://<host><path>`: scheme `http`, `https` or `*`; host
         *     `*`, `*.example.com` or exact, with an optional `:port`; path from `/`, with `*`
         *     wildcards. The page the Web SDK runs on must match it.
         * @example https://www.example.com/*
         */
        MatchPattern: string;
        /**
         * @description An iOS bundle id or Android application id.
         * @example com.example.app
         */
        AppId: string;
        TokenRequest: {
            clientId: components["schemas"]["ClientId"];
            referrer?: components["schemas"]["MatchPattern"];
            appId?: components["schemas"]["AppId"];
        };
        TokenResponse: {
            /** @description A JWT, valid for 60 minutes. */
            token: string;
        };
        /**
         * @description `payment_required` (402) is token-sandbox's: ComplyCube documents the status but no body.
         * @enum {string}
         */
        ErrorType: "invalid_request" | "unauthorized" | "payment_required" | "resource_not_found" | "rate_limit_exceeded" | "internal_server_error";
        Error: {
            type: components["schemas"]["ErrorType"];
            message: string;
            /** @description The field at fault, dotted when nested (`personDetails.lastName`). */
            param?: string;
        };
        InvalidRequestError: components["schemas"]["Error"] & {
            /** @constant */
            type?: "invalid_request";
        };
        UnauthorizedError: components["schemas"]["Error"] & {
            /** @constant */
            type?: "unauthorized";
        };
        NotFoundError: components["schemas"]["Error"] & {
            /** @constant */
            type?: "resource_not_found";
        };
        RateLimitError: components["schemas"]["Error"] & {
            /** @constant */
            type?: "rate_limit_exceeded";
        };
        InternalServerError: components["schemas"]["Error"] & {
            /** @constant */
            type?: "internal_server_error";
        };
    };
    responses: {
        /** @description A field is missing or invalid (`param` names it, dotted when nested), or the body is not JSON. */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InvalidRequestError"];
            };
        };
        /** @description The API key is missing, unknown, malformed or revoked. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnauthorizedError"];
            };
        };
        /** @description No client with this id in the key's environment. */
        ClientNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["NotFoundError"];
            };
        };
        /** @description The request body is over the size limit. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InvalidRequestError"];
            };
        };
        /** @description Too many requests, or a service quota was breached. */
        RateLimited: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RateLimitError"];
            };
        };
        /** @description A failure on the provider's side; try again. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InternalServerError"];
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
    listClients: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Clients per page. */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of clients. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientList"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientCreate"];
            };
        };
        responses: {
            /** @description The client as created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The client's id. Any id the environment does not hold answers 404.
                 * @example 5eb04fcd0f3e360008035eb1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The client. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ClientNotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The client's id. Any id the environment does not hold answers 404.
                 * @example 5eb04fcd0f3e360008035eb1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientUpdate"];
            };
        };
        responses: {
            /** @description The client as updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ClientNotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The client's id. Any id the environment does not hold answers 404.
                 * @example 5eb04fcd0f3e360008035eb1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ClientNotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    generateToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description A field is missing or invalid (`param` names it), including a `clientId` the environment does not hold, or the body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidRequestError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
}
