/** The canned `{ "token": "…" }` body (canned-token.mjs). */
export declare const cannedTokenBody: string
