// Errors the CLI reports as usage problems (exit code 2, no stack trace).
export class UsageError extends Error {
  /** The command whose help the hint names (`contract complycube`); set by withHelpTopic. */
  helpTopic?: string
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

/**
 * Runs a command's work so that a usage error (or a flag parseArgs refuses) points at that
 * command's own help: `topic` is what follows `token-sandbox` in "Run 'token-sandbox <topic> --help'".
 */
export async function withHelpTopic<T>(topic: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof UsageError) {
      err.helpTopic ??= topic
      throw err
    }
    if ((err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw Object.assign(new UsageError((err as Error).message), { helpTopic: topic })
    throw err
  }
}
