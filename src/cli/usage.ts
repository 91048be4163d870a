// Errors the CLI reports as usage problems (exit code 2, no stack trace).
export class UsageError extends Error {}

/** Reads a credential from a flag or, failing that, an environment variable; never echoed. */
export function credential(flag: string | undefined, envVar: string): string | undefined {
  return flag ?? (process.env[envVar] || undefined)
}
