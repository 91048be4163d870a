// In-repository access from a sandbox's `sandbox.ca` to the CA state behind it, for the tests
// that must forge tokens with a tenant's own signing secret (the JWT attack suite). No package
// entry point exports this module: for everyone else the secrets never leave the sandbox.
import type { CaState } from './state.ts'

const states = new WeakMap<object, CaState>()

/** Called once by the vendor module when it builds `sandbox.ca`. */
export function rememberState<Api extends object>(api: Api, state: CaState): Api {
  states.set(api, state)
  return api
}

/** The state behind `sandbox.ca`; throws for anything else. */
export function caStateOf(api: object): CaState {
  const state = states.get(api)
  if (!state) throw new Error('not a sandbox.ca API object')
  return state
}
