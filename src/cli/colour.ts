// Colour in `token-sandbox contract`'s output only on a terminal. vitest colours what it prints
// unless NO_COLOR is set, whether or not stdout is a terminal, so a redirected run would be full
// of escape codes: NO_COLOR is set for it when stdout is not a terminal, unless FORCE_COLOR asks
// for colour. vitest decides once, as it loads, and its workers inherit the environment: this
// runs before it is imported.

/** Sets NO_COLOR in `env` when the output should carry no colour. */
export function colourOnlyOnTerminal(env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true): void {
  if (env.NO_COLOR !== undefined) return
  const force = env.FORCE_COLOR
  // FORCE_COLOR=0 (or false) means no colour, though any FORCE_COLOR turns vitest's on.
  if (force === '0' || force === 'false') {
    delete env.FORCE_COLOR
    env.NO_COLOR = '1'
  } else if (force === undefined && !isTTY) {
    env.NO_COLOR = '1'
  }
}
