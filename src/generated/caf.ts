// Generated from contracts/caf.yaml by `npm run generate` (openapi-typescript). Do not edit:
// change the contract and regenerate.

export interface paths {
    "/faces/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register the face of a person (one per CPF; registering again replaces it)
         * @description Needs a Mobile Key linked to `FaceAuthenticator` **[I]**. CAF documents no response
         *     signature for registration: `shouldSignResponse` is ignored here **[I]**.
         */
        post: operations["registerFace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faces/authenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authenticate a person against their registered face
         * @description Needs a Mobile Key linked to `FaceAuthenticator` **[I]**. A token restricted to a
         *     `peopleId` is refused (401) for any other CPF **[I]**. The answer carries `attemptId`
         *     (CAF documents `{requestId, isMatch}`) so the attempt can be read back **[I]**.
         */
        post: operations["authenticateFace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faces/authenticate/{attemptId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `attemptId` of a `POST /faces/authenticate` answer. Attempts are per environment **[I]**.
                 * @example 6a1b2c3d4e5f60718293a4b5
                 */
                attemptId: string;
            };
            cookie?: never;
        };
        /**
         * Read an authentication attempt back
         * @description Needs a Mobile Key linked to `FaceAuthenticator` **[I]**; a token restricted to another CPF is refused (401) **[I]**.
         */
        get: operations["getFaceAuthentication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faces/liveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Passive liveness of a face image
         * @description Needs a Mobile Key linked to `PassiveFaceLiveness` **[I]**. `person`, when given, is
         *     echoed back; a token restricted to a `peopleId` is refused for another `person.cpf`
         *     **[I]**.
         */
        post: operations["faceLiveness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the token is valid for a product (the legacy SDKs' pre-check)
         * @description Answers 200 whether or not the token is good; `status` says (`INVALID` for any refused
         *     token or a product CAF does not have — **[I]**: CAF's SDKs only test for `VALID`).
         *     400 when the token or the `product` header is missing.
         */
        get: operations["verifyToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Exchange the mobile (authentication) token for a session token
         * @description BFF. Takes the self-signed token, raw or with `Bearer ` (CAF's docs show both **[I]**),
         *     of a Mobile Key linked to `CafSDK` or `FaceLiveness` **[I]**. The session token is a JWT
         *     the SDK gets; generate one per SDK session. token-sandbox's are HS256 under its own
         *     secret, valid 30 minutes, claims `{iss, sessionId, environment, peopleId?, iat, exp, jti}`
         *     **[I]**. CAF is reported to answer 429 with `Retry-After` under load; the sandbox does only
         *     over a rate limit it was asked to enforce (CAF documents none), with `Retry-After`.
         */
        get: operations["createSessionToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open an SDK session with a session token
         * @description BFF. Takes the **session token** from `GET /session-tokens` (the self-signed token is
         *     refused, 401 **[I]**), raw or with `Bearer `. A session token restricted to a `peopleId`
         *     is refused for another `personId` **[I]**.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The web liveness SDK's capture (liveness, or face authentication)
         * @description BFF. What CafFaces2dSdk 1.0.0 sends for each capture attempt, with the same token as
         *     `POST /sessions` (a session token here **[I]**). `sessionId` is a session from
         *     `POST /sessions` opened with the same Mobile Key for the same `personId` (else 404
         *     `Session not found` or 400 **[I]**). `data.image` is the frame as bare base64 (JPEG, PNG
         *     or BMP; no `data:` prefix), up to 16 MiB of body **[I]**. `data.executeFaceAuth: true`
         *     compares it with the person's registered face (404 `No face registered for the entered
         *     CPF` without one **[I]**). The SDK reads only `signedResponse`, and returns the whole
         *     body to the integrator.
         *
         *     `signedResponse` is a JWT, HS256 with the `clientSecret` of the token's Mobile Key **[I]**
         *     (as the Mobile API's response signature), claims `{sessionId, personId, isAlive,
         *     imageUrl, createdAt, iat}` (CAF's README) plus `attemptId` and, with face
         *     authentication, `isMatch` **[I]**. A failed check still answers 200, its verdict in the
         *     claims **[I]**. Outcomes follow the markers of the Mobile API's liveness, found in the
         *     image's bytes **[I]**.
         */
        post: operations["createTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/track-analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One analytics event of the web liveness SDK
         * @description BFF. CafFaces2dSdk sends one per log event and ignores the answer. Takes the self-signed
         *     token or a session token **[I]**. Fields beyond these are let through **[I]**.
         */
        post: operations["trackAnalytics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the mobile token for an attestation (the web DocumentDetector's first call)
         * @description SDK API. Takes the self-signed mobile token raw (`Bearer ` is refused, 401 **[I]**: the
         *     SDK sends it raw) of a Mobile Key linked to `DocumentDetector` **[I]**, and a
         *     `Content-Signature`. The refusals are the Mobile API's **[I]** (CAF documents none here;
         *     the SDK reads no status: any failure is its `INVALID_TOKEN`). The attestation is opaque,
         *     valid 15 minutes **[I]**; the SDK never reads it. Body fields of a known name must have
         *     the SDK's types; other fields are let through **[I]** (a later SDK may add some).
         */
        post: operations["createAttestation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask where to PUT a captured image
         * @description SDK API. Takes the attestation (raw) and a `Content-Signature`. `putUrl` is where the
         *     image goes (no `Authorization`, no `Content-Signature`); CAF's is a pre-signed
         *     object-store URL, token-sandbox's is `PUT /uploads/{uploadId}` beside this route, valid
         *     15 minutes **[I]**.
         */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The putUrl of an upload (token-sandbox's stand-in for CAF's pre-signed URL) **[I]**
         * @description The raw image, with the `Content-Type` POST /uploads declared (`image/jpg` and
         *     `image/jpeg` are one). token-sandbox keeps its size and SHA-256, never the bytes, and
         *     reads outcome markers in them for POST /documents/quality **[I]**. Errors are in CAF's
         *     shape: 403 for a URL it did not issue, a wrong signature, an expired URL or another
         *     `Content-Type` (as an object store refuses a pre-signed URL) **[I]**.
         */
        put: operations["putUpload"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an uploaded document capture (national mode)
         * @description SDK API. Takes the attestation (raw) and a `Content-Signature`. The SDK accepts the capture
         *     when `isDocTypeOk`, `isDocSideOk` and `isQualityOk` are all true. token-sandbox detects
         *     the expected document (`any` reads as `cnh_front`, `passport` as `passport_full`) unless
         *     a marker in the uploaded bytes says otherwise (`caf-sandbox:blank`, `:generic`,
         *     `:wrong-document`, `:wrong-side`, `:low-quality`) **[I]**. An upload that is not this
         *     key's, or that nothing was PUT to, is 400 `Failed to download image from URL` (the
         *     message the SDK knows) **[I]**.
         */
        post: operations["documentQuality"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/faces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register the face of a person (CPF, external id …)
         * @description Core API. Takes a Core API token created in Trust, raw or with `Bearer `. `personId` is
         *     5–254 letters, digits and `@ . _ -`; a value made only of digits and `.`, `-`, `/` is a
         *     masked document and is stripped first. Registering again replaces the face **[I]**; the
         *     Mobile API's `POST /faces/authenticate` compares against it. Unknown fields are refused
         *     (400) **[I]**.
         */
        post: operations["registerCoreFace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/faces/attempts/{attemptId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a face authentication attempt
         * @description Core API. The attempts are the face authentications made in this environment (in the
         *     sandbox: the Mobile API's `POST /faces/authenticate`, whose answer carries `attemptId`).
         *     `data` beyond `id`, `createdAt` and `personId` is **[I]** (CAF says it has the URLs of
         *     the images used). Without an id (`GET /v1/faces/attempts`) the answer is 400
         *     `attemptId not provided`, as CAF documents.
         */
        get: operations["getCoreFaceAttempt"];
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
        /**
         * Format: uuid
         * @description CAF puts a request identifier on every answer.
         * @example 3f2b8c1e-7a4d-4e9b-9c2a-5d6e7f8a9b0c
         */
        RequestId: string;
        /** @description A JWT in compact form. */
        Jwt: string;
        /**
         * @description A CPF. CAF documents digits only (`00011122233`); token-sandbox also takes the masked
         *     form (`123.456.789-09`): `.`, `-` and `/` are stripped before anything else **[I]**.
         *     Check digits are checked only under the sandbox's `strictCpf` setting **[I]**.
         * @example 12345678909
         */
        Cpf: string;
        /**
         * @description CAF's person identifier: 5–254 letters, digits and `@ . _ -`. A value made only of digits
         *     and `.`, `-`, `/` is read as a masked document and stripped first.
         * @example 12345678909
         */
        PersonId: string;
        /**
         * @description An http(s) URL of a JPEG, PNG or BMP image. A path ending in `.gif`, `.webp`, `.tif(f)`,
         *     `.heic`, `.heif`, `.svg` or `.avif` is refused (400) **[I]**. Markers in the URL steer the
         *     sandbox's outcomes (see the README's "Magic values").
         * @example https://faces.example.com/selfie.jpg
         */
        ImageUrl: string;
        Text: string;
        /** @description Unknown fields are refused (400) **[I]**. */
        FaceRegisterRequest: {
            peopleId: components["schemas"]["Cpf"];
            imageUrl: components["schemas"]["ImageUrl"];
        };
        Device: {
            operatingSystem?: components["schemas"]["Text"];
            fingerprint?: components["schemas"]["Text"];
            manufacturer?: components["schemas"]["Text"];
            model?: components["schemas"]["Text"];
        };
        /** @description Unknown fields are refused (400) **[I]**. */
        FaceAuthenticateRequest: {
            peopleId: components["schemas"]["Cpf"];
            imageUrl?: components["schemas"]["ImageUrl"];
            device?: components["schemas"]["Device"];
        };
        LivenessPerson: {
            cpf?: components["schemas"]["Cpf"];
            name?: components["schemas"]["Text"];
        };
        /** @description Unknown fields are refused (400) **[I]**. CAF does not mark `imageUrl` required; without one the sandbox answers `isAlive: false` with `message` "Nenhuma imagem foi enviada" **[I]**. */
        LivenessRequest: {
            imageUrl?: components["schemas"]["ImageUrl"];
            person?: components["schemas"]["LivenessPerson"];
        };
        SessionSdk: {
            version?: components["schemas"]["Text"];
            platform?: components["schemas"]["Text"];
        };
        /** @description Unknown fields are refused (400) **[I]**. */
        SessionRequest: {
            personId: components["schemas"]["PersonId"];
            sdk?: components["schemas"]["SessionSdk"];
        };
        FaceRegistered: {
            requestId: components["schemas"]["RequestId"];
            /** @description CAF's confirmation, `Ação realizada com sucesso.` */
            message: string;
        };
        FaceAuthentication: {
            requestId: components["schemas"]["RequestId"];
            /** @description The face matches the registered one and is alive. */
            isMatch: boolean;
            /** @description For `GET /faces/authenticate/{attemptId}` **[I]**. */
            attemptId: string;
        };
        FaceAttempt: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The CPF, digits only. */
            peopleId: string;
            sourceIp: string;
            executionOriginId: string;
            registeredImageUrl: string;
            receivedImageUrl: string | null;
            faceMatch: {
                similarity: number;
                isFaceMatch: boolean;
            };
            liveness: {
                probability: number;
                isAlive: boolean;
            };
            isMatch: boolean;
        };
        FaceAttemptResult: {
            requestId: components["schemas"]["RequestId"];
            data: components["schemas"]["FaceAttempt"];
        };
        /** @description The request's `person`, as given. */
        LivenessEcho: {
            cpf?: string | null;
            name?: string | null;
        };
        LivenessResult: {
            requestId: components["schemas"]["RequestId"];
            isAlive: boolean;
            attemptId: string;
            person?: components["schemas"]["LivenessEcho"];
            /** @description Why the face was rejected (CAF's Portuguese wording), or null. */
            message: string | null;
        };
        /** @description The JSON body as the payload of a JWT (HS256, the request token's `clientSecret`). */
        SignedResponse: components["schemas"]["Jwt"];
        TokenVerification: {
            requestId: components["schemas"]["RequestId"];
            /**
             * @description CAF's SDKs go on only on `VALID`. `INVALID` is **[I]** (CAF's other statuses are undocumented).
             * @enum {string}
             */
            status: "VALID" | "INVALID";
            message: string;
        };
        SessionTokenResult: {
            requestId: components["schemas"]["RequestId"];
            /** @description The session ("mobile") token to give the SDK. */
            sessionToken: components["schemas"]["Jwt"];
        };
        Session: {
            requestId: components["schemas"]["RequestId"];
            /** @description The session id **[I]**. */
            id: string;
            /** @description The request's personId, mask stripped. */
            personId: string;
            /** Format: date-time */
            createdAt: string;
        };
        TransactionRequest: {
            /** @description The `id` of `POST /sessions`. */
            sessionId: string;
            personId: string;
            data: {
                /** @description The frame as bare base64 (no `data:` prefix): JPEG or PNG from the SDK. */
                image: string;
                /** @description Face authentication instead of liveness. */
                executeFaceAuth?: boolean;
            };
        };
        Transaction: {
            requestId: components["schemas"]["RequestId"];
            /**
             * @description HS256 with the `clientSecret` of the token's Mobile Key **[I]**; claims `{sessionId,
             *     personId, isAlive, isMatch?, imageUrl, attemptId, createdAt, iat}`.
             */
            signedResponse: components["schemas"]["Jwt"];
        };
        AnalyticsEvent: {
            userId?: string;
            /** @description e.g. `SDK_STARTED`, `VERIFY_LIVENESS_INFO`. */
            event: string;
            /** @enum {string} */
            eventType?: "Debug" | "Info" | "Warning" | "Error";
            properties?: Record<string, never>;
            /** @description `web-facetec2d` from CafFaces2dSdk 1.0.0. */
            sourceSdk?: string;
        };
        AnalyticsAccepted: {
            requestId: components["schemas"]["RequestId"];
        };
        /** @description What DocumentDetector 6.2.0 sends; `previousAttestation` only when it re-attests. */
        AttestationRequest: {
            previousAttestation?: string;
            platform?: string;
            version?: number;
            fingerprint?: string | null;
            trackingId?: string | null;
            information?: Record<string, never>;
            settings?: Record<string, never>;
            sdkVersion?: string;
        };
        Attestation: {
            requestId: components["schemas"]["RequestId"];
            /** @description Opaque; the SDK sends it as `Authorization` on its later calls. */
            attestation: string;
        };
        UploadRequest: {
            /** @enum {string} */
            contentType: "image/jpeg" | "image/jpg" | "image/png" | "application/pdf";
        };
        Upload: {
            requestId: components["schemas"]["RequestId"];
            /** Format: uri */
            putUrl: string;
            bucket: string;
            key: string;
        };
        DocumentQualityRequest: {
            bucket: components["schemas"]["Text"];
            key: components["schemas"]["Text"];
            /** @enum {string} */
            expectedDocument?: "rg_front" | "rg_back" | "rg_full" | "cnh_front" | "cnh_back" | "cnh_full" | "crlv" | "rne_front" | "rne_back" | "passport" | "ctps_front" | "ctps_back" | "any_front" | "any_back" | "any_full" | "any";
            issuedCountry?: components["schemas"]["Text"];
            peopleId?: components["schemas"]["Text"];
        };
        DocumentQuality: {
            requestId: components["schemas"]["RequestId"];
            /** @description e.g. `cnh_front`, `rg_back`, `passport_full`, `blank`, `generic`. */
            documentType: string;
            isDocTypeOk: boolean;
            isDocSideOk: boolean;
            isQualityOk: boolean;
            imageUrl: string;
        };
        CoreFaceRegisterRequest: {
            personId: components["schemas"]["PersonId"];
            imageUrl: components["schemas"]["ImageUrl"];
        };
        CoreFaceRegistered: {
            requestId: components["schemas"]["RequestId"];
            /** @description CAF's `Face registration in progress`. */
            message: string;
            /** @description The personId, mask stripped. */
            personId: string;
        };
        CoreFaceAttempt: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            personId: string;
            isMatch: boolean;
            registeredImageUrl: string;
            receivedImageUrl: string | null;
        };
        CoreFaceAttemptResult: {
            requestId: components["schemas"]["RequestId"];
            data: components["schemas"]["CoreFaceAttempt"];
        };
        /**
         * @description Every CAF error. CAF documents `requestId` on every answer; its SDKs read `message`. The
         *     exact pair is **[I]**.
         */
        Error: {
            requestId: components["schemas"]["RequestId"];
            message: string;
        };
    };
    responses: {
        /**
         * @description No token (CAF documents 400 for a missing token, 401 for a refused one); or, once the
         *     token passed, a body that is not a JSON object, a missing or invalid field, an unknown
         *     field, or an image that is not JPEG, PNG or BMP (the body messages are **[I]**).
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The token was refused: malformed, not HS256, an `iss` this environment does not know, a
         *     bad signature, expired, a revoked key, a key not linked to the product, or a `peopleId`
         *     other than the request's CPF (the last is **[I]**). One message for all.
         */
        InvalidToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The BFF's answer to a missing or refused token (any reason; one message for all). */
        BffInvalidToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description SDK API. The token (or attestation) was refused for any reason, one message for all; or
         *     the `Content-Signature` is missing or not 64 lowercase hex characters **[I]**.
         */
        SdkInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Core API. A missing, unknown, other-environment or revoked Core API token. */
        CoreUnauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is over the size limit **[I]**. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A body sent with a content type other than JSON **[I]**. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A failure on CAF's side. */
        InternalError: {
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
         * @description `true`: the answer is a JWT (`text/plain`), HS256 under the `clientSecret` of the token
         *     that came with the request, whose payload is the JSON body exactly (no `iat`/`exp` added
         *     **[I]**). Verify it with that secret. Any other value leaves the body JSON.
         * @example true
         */
        ShouldSignResponse: boolean;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    registerFace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaceRegisterRequest"];
            };
        };
        responses: {
            /** @description Registered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaceRegistered"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["InvalidToken"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    authenticateFace: {
        parameters: {
            query?: {
                /**
                 * @description `true`: the answer is a JWT (`text/plain`), HS256 under the `clientSecret` of the token
                 *     that came with the request, whose payload is the JSON body exactly (no `iat`/`exp` added
                 *     **[I]**). Verify it with that secret. Any other value leaves the body JSON.
                 * @example true
                 */
                shouldSignResponse?: components["parameters"]["ShouldSignResponse"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaceAuthenticateRequest"];
            };
        };
        responses: {
            /**
             * @description The outcome. With `?shouldSignResponse=true`, a JWT (`text/plain`) whose payload is
             *     the JSON body.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaceAuthentication"];
                    "text/plain": components["schemas"]["SignedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["InvalidToken"];
            /** @description No face is registered for this CPF in this environment. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getFaceAuthentication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `attemptId` of a `POST /faces/authenticate` answer. Attempts are per environment **[I]**.
                 * @example 6a1b2c3d4e5f60718293a4b5
                 */
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaceAttemptResult"];
                };
            };
            /** @description No token (CAF's page lists 401 here, not the 400 of the other Mobile API routes), or one that is not valid for this product. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No authentication attempt with this id in this environment. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    faceLiveness: {
        parameters: {
            query?: {
                /**
                 * @description `true`: the answer is a JWT (`text/plain`), HS256 under the `clientSecret` of the token
                 *     that came with the request, whose payload is the JSON body exactly (no `iat`/`exp` added
                 *     **[I]**). Verify it with that secret. Any other value leaves the body JSON.
                 * @example true
                 */
                shouldSignResponse?: components["parameters"]["ShouldSignResponse"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LivenessRequest"];
            };
        };
        responses: {
            /**
             * @description The outcome (`message`: CAF's reason for a rejection, or null). With
             *     `?shouldSignResponse=true`, a JWT (`text/plain`) whose payload is the JSON body.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessResult"];
                    "text/plain": components["schemas"]["SignedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["InvalidToken"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyToken: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The product the SDK runs, e.g. `DocumentDetector`, `PassiveFaceLiveness`,
                 *     `FaceAuthenticator`, `FaceLiveness`, `AddressCheck`, `SmartAuth`, `Identity`,
                 *     `CafSDK` (CAF publishes no list; these are the names its SDKs use **[I]**).
                 * @example DocumentDetector
                 */
                product: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenVerification"];
                };
            };
            /** @description No token, or no `product` header **[I]**. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    createSessionToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionTokenResult"];
                };
            };
            401: components["responses"]["BffInvalidToken"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionRequest"];
            };
        };
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The body is not a JSON object, or a field is missing or invalid **[I]**. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["BffInvalidToken"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    createTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransactionRequest"];
            };
        };
        responses: {
            /** @description The verdict, signed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            /**
             * @description The body is not a JSON object; a field is missing, of the wrong type or unknown; the
             *     image is not base64 of a JPEG, PNG or BMP; `personId` is not the session's **[I]**.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["BffInvalidToken"];
            /** @description No such session for this key, or (face authentication) no face registered for the person **[I]**. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    trackAnalytics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnalyticsEvent"];
            };
        };
        responses: {
            /** @description The event was taken. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsAccepted"];
                };
            };
            /** @description The body is not a JSON object, or `event`, `eventType`, `userId`, `sourceSdk` or `properties` is missing or of the wrong type **[I]**. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["BffInvalidToken"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    createAttestation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttestationRequest"];
            };
        };
        responses: {
            /** @description The attestation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attestation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SdkInvalid"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    createUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadRequest"];
            };
        };
        responses: {
            /** @description Where to PUT the image, and the names to give POST /documents/quality. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SdkInvalid"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    putUpload: {
        parameters: {
            query: {
                expires: number;
                signature: string;
            };
            header?: never;
            path: {
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/png": string;
                "image/jpeg": string;
                "image/jpg": string;
                "application/pdf": string;
            };
        };
        responses: {
            /** @description Stored (the bytes' metadata). No body. */
            200: {
                headers: {
                    /** @description The first 32 hex characters of the bytes' SHA-256, quoted **[I]**. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description Not an upload URL this sandbox issued (or its signature), expired, or another Content-Type **[I]**. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    documentQuality: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentQualityRequest"];
            };
        };
        responses: {
            /** @description The checks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentQuality"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SdkInvalid"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    registerCoreFace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoreFaceRegisterRequest"];
            };
        };
        responses: {
            /** @description Registered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoreFaceRegistered"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["CoreUnauthorized"];
            413: components["responses"]["TooLarge"];
            /**
             * @description An image URL whose path ends in a format other than JPEG or PNG (`Unsupported image
             *     format`; CAF lists the case, the status is **[I]**), or a body that is not JSON.
             */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getCoreFaceAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoreFaceAttemptResult"];
                };
            };
            401: components["responses"]["CoreUnauthorized"];
            /** @description No such attempt in this environment. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
}
