// Numbers that may not fit in a Date: a token's `exp`/`iat`/`nbf`, a stored timestamp. A token's
// time claims are compared as numbers (../core/jwt.ts); only showing one needs a Date. A Date
// holds ±8.64e15 ms (±100,000,000 days) around the epoch; `new Date(x).toISOString()` throws a
// RangeError outside it, so anything from outside the sandbox is checked here first.
import { MAX_EPOCH_MS } from './clock.ts'

/** Whether `ms` is an instant a Date can hold. */
export const isInstantMs = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS

/** Whether `seconds` (a JWT NumericDate) is an instant a Date can hold. */
export const isInstantSeconds = (seconds: unknown): seconds is number => typeof seconds === 'number' && isInstantMs(seconds * 1000)

/** ISO 8601 for `ms`, or null when a Date cannot hold it. */
export const isoOrNull = (ms: number): string | null => (isInstantMs(ms) ? new Date(ms).toISOString() : null)

/** ISO 8601 for a NumericDate, or the number itself when a Date cannot hold it: for messages and logs. */
export const describeSeconds = (seconds: number): string => isoOrNull(seconds * 1000) ?? `${seconds} (beyond the range of a date)`
