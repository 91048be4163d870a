// The bodies the sandbox surface (/__sandbox) answers, typed from contracts/sandbox.yaml
// (src/generated/sandbox.ts, `npm run generate`): the handlers here and in each vendor's
// admin.ts write `body satisfies AdminBody['…']`, so a contract change they do not follow
// fails `tsc`.
import type { components } from '../generated/sandbox.ts'

export type AdminBody = components['schemas']
