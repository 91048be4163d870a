// The secret a vendor signs its tokens with, kept across a restart (a vendor definition's
// `values`): a token issued before `serve --state` restarts still verifies after it.
import { snapshotString } from './snapshot.ts'

export interface SigningSecretState {
  signingSecret: string
}

/** `values` for a vendor whose only state besides rows is its signing secret. */
export const signingSecretValues = {
  save: (state: SigningSecretState) => ({ signingSecret: state.signingSecret }),
  load(state: SigningSecretState, data: Record<string, unknown>, where: string) {
    state.signingSecret = snapshotString(data, 'signingSecret', where)
  },
}
