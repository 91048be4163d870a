// `serve` started by a package manager ends with it. npx (npm exec), `npm run` and their pnpm and
// yarn peers run a bin under a shell: npm → sh -c → node. Stopping npx by its pid
// (`npx token-sandbox serve & … kill $!`) ends npm and the shell, never the server, which init
// then adopts and keeps listening. So when a package manager started us, we watch our parent and
// stop once it is gone. Started any other way (a shell's `&`, nohup, systemd, a container, a CI
// step that leaves it running for later steps) serve outlives its parent, as servers do.

/** Whether a package manager ran this process: each sets npm_lifecycle_event for what it runs. */
export function startedByPackageManager(env: Record<string, string | undefined>): boolean {
  return env.npm_lifecycle_event !== undefined && env.npm_lifecycle_event !== ''
}

/**
 * Calls `onGone` once the parent process exits (its pid is no longer our parent: we were
 * re-parented). Returns a function that stops watching. The timer never keeps the process alive.
 */
export function watchParent(onGone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid === parent) return
    clearInterval(timer)
    onGone()
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
