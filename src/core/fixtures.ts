// The seed a sandbox is given (`fixtures`), checked against its vendor's `fixtureSchema` before
// anything is built from it: a bad fixture is one FixtureError naming where it is (`apiKeys[0].key`)
// and what is expected, never a crash deep inside a vendor. The schema is a Standard Schema
// (standardschema.dev; the vendors write theirs with valibot), so the core names no library.
// Plain code: it runs in the browser bundle too.

/** The part of the Standard Schema v1 interface the core uses (the spec invites copying its types). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>
    readonly types?: { readonly input: Input; readonly output: Output } | undefined
  }
}

type StandardResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly StandardIssue[] }

interface StandardIssue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/** A vendor's fixtures are not what its `fixtureSchema` expects. */
export class FixtureError extends Error {
  override name = 'FixtureError'
  constructor(
    readonly vendor: string,
    /** Where in the fixtures: `apiKeys[0].key`, or '' for the whole of them. */
    readonly path: string,
    /** What is expected there. */
    readonly expected: string,
  ) {
    super(`${vendor} fixtures: ${path === '' ? '' : `${path}: `}${expected}`)
  }
}

// What would break a message's one line or reorder it on a terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** An issue's path as JavaScript would write it: `tenants[0].accounts[1]["odd key"]`. */
export function formatPath(path: StandardIssue['path']): string {
  let out = ''
  for (const item of path ?? []) {
    const key = typeof item === 'object' && item !== null ? item.key : item
    if (typeof key === 'number') out += `[${key}]`
    else {
      const name = String(key).slice(0, 100)
      out += IDENTIFIER.test(name) ? `${out === '' ? '' : '.'}${name}` : `[${JSON.stringify(name).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}]`
    }
  }
  return out
}

/** `value` when it is valid fixtures for `vendor`; otherwise a FixtureError about its first problem. */
export function checkFixtures<Fixtures>(vendor: string, schema: StandardSchemaV1<unknown, Fixtures>, value: unknown): Fixtures {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) throw new TypeError(`${vendor}'s fixtureSchema must validate synchronously`)
  if (result.issues === undefined) return result.value
  const first = result.issues[0]
  throw new FixtureError(vendor, formatPath(first?.path), (first?.message ?? 'invalid').replace(UNSAFE, ' '))
}
