/** The state file cannot be read, is not ours, has another version, is corrupt, or is in use. */
export class StateFileError extends Error {
  override name = 'StateFileError'
}

export const errorCode = (err: unknown): string =>
  (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))
