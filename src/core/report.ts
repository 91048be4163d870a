// Where an internal error goes when nobody said otherwise: stderr, with its stack. An answer
// that says "see its log" must have something in the log to see.
import { escapeControls } from './shown.ts'

export type ErrorReporter = (err: unknown) => void

export const logInternalError: ErrorReporter = (err) => {
  console.error('token-sandbox: internal error:', shownError(err))
}

/**
 * An error as a log shows it. Its message may quote a request (a path, a header, a body), so
 * what a terminal would act on is escaped (./shown.ts), the message's own line breaks too; the
 * stack keeps its lines.
 */
export function shownError(err: unknown): string {
  if (!(err instanceof Error)) return escapeControls(typeof err === 'string' ? err : describe(err))
  const head = `${err.name}: ${err.message}`
  const stack = err.stack ?? head
  if (!stack.startsWith(head)) return stack.split('\n').map(escapeControls).join('\n')
  return escapeControls(head) + stack.slice(head.length).split('\n').map(escapeControls).join('\n')
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
