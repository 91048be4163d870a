// Errors the CLI reports as usage problems (exit code 2, no stack trace).
export class UsageError extends Error {
  /** `showUsage` false: a problem with a file's content or kind, not with the command line (no "Run --help" line). */
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message)
  }
}

/** A file the user named cannot be used (unreadable, not a regular file, too large, invalid): one line, exit 2. */
export const fileError = (message: string) => new UsageError(message, false)

/** Reads a credential from a flag or, failing that, an environment variable; never echoed. */
export function credential(flag: string | undefined, envVar: string): string | undefined {
  return flag ?? (process.env[envVar] || undefined)
}
