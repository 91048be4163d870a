// Sandboxes that break the ComplyCube contract on purpose, to prove the contract checks can fail.
import { createSandbox } from '../../src/node/sandbox.ts'
import type { Sandbox } from '../../src/sandbox.ts'
import type { SandboxRequest, SandboxResponse } from '../../src/core/types.ts'

type Mutation = (req: SandboxRequest, res: SandboxResponse) => SandboxResponse

/** A sandbox whose answers pass through `mutate` on the way out. */
export function driftingSandbox(mutate: Mutation): Sandbox {
  const sandbox = createSandbox()
  return { ...sandbox, handle: async (req) => mutate(req, await sandbox.handle(req)) }
}

/** POST /tokens answers `{ tokn }` instead of `{ token }`. */
export const renameToken: Mutation = (req, res) =>
  req.method === 'POST' && req.url.pathname.endsWith('/tokens') && res.status === 200
    ? { ...res, body: { tokn: (res.body as { token: string }).token } }
    : res

/** An unknown client is 410 instead of the documented 404. */
export const goneInsteadOfNotFound: Mutation = (req, res) =>
  req.method === 'GET' && /\/clients\/[^/]+$/.test(req.url.pathname) && res.status === 404 ? { ...res, status: 410 } : res
