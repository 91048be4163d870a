// Where an internal error goes when nobody said otherwise: stderr, with its stack. An answer
// that says "see its log" must have something in the log to see.

export type ErrorReporter = (err: unknown) => void

export const logInternalError: ErrorReporter = (err) => {
  console.error('token-sandbox: internal error:', err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : err)
}
