// The V8 flags the server changes while it runs (./young-generation.ts, ./scavenger.ts), in one
// place, so they can be put back for a moment. V8 stamps a code cache with a hash of the flag
// values of the moment and refuses it under other values: a cache bin/token-sandbox.js wrote
// while `serve` had a flag changed was refused by every later start, each of which compiled the
// whole bundle again and wrote another refused cache.
import v8 from 'node:v8'

/** V8's defaults for the flags changed here (`node --v8-options`, Node 20). */
const DEFAULTS = {
  'semi-space-growth-factor': '2',
  'parallel-scavenge': true,
} as const

export type ChangedFlag = keyof typeof DEFAULTS
type Value<F extends ChangedFlag> = (typeof DEFAULTS)[F] extends boolean ? boolean : string

const changed = new Map<ChangedFlag, string | boolean>()

function apply(flag: ChangedFlag, value: string | boolean): void {
  v8.setFlagsFromString(typeof value === 'boolean' ? `--${value ? '' : 'no-'}${flag}` : `--${flag}=${value}`)
}

/** Sets a flag; `resetV8Flag` (or the default value) puts V8's default back. */
export function setV8Flag<F extends ChangedFlag>(flag: F, value: Value<F>): void {
  apply(flag, value)
  if (value === DEFAULTS[flag]) changed.delete(flag)
  else changed.set(flag, value)
}

export function resetV8Flag(flag: ChangedFlag): void {
  setV8Flag(flag, DEFAULTS[flag] as Value<typeof flag>)
}

/** Runs `fn` with every flag changed here at V8's default, then changes them back. */
export function withDefaultV8Flags<T>(fn: () => T): T {
  const now = [...changed]
  for (const [flag] of now) apply(flag, DEFAULTS[flag])
  try {
    return fn()
  } finally {
    for (const [flag, value] of now) apply(flag, value)
  }
}
