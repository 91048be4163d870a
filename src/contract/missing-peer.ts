// An optional peer dependency (vitest for the contract kit, @stoplight/prism-cli for the Prism
// mode) that is not installed is answered with one line saying what to install, not a stack.

/** Thrown when an optional peer is missing; its message is the whole answer. */
export class MissingPeerError extends Error {
  constructor(
    readonly peer: string,
    what: string,
  ) {
    super(`${what} needs ${peer}, which is not installed here: npm install --save-dev ${peer}`)
    this.name = 'MissingPeerError'
  }
}

/** Whether `err` says a module could not be found (ESM import or CommonJS require). */
export function isModuleNotFound(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
}
