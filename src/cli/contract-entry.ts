// Loads `token-sandbox contract` on demand, outside the CLI bundle: the command drives vitest,
// which must load from its own files, and the suites are TypeScript run by vitest. From the
// bundle (dist/cli.cjs) the sources are loaded through tsx; from the sources, directly.
import { UsageError } from './usage.ts'
import { isModuleNotFound, MissingPeerError } from '../contract/missing-peer.ts'
import { dynamicImport } from '../core/dynamic-import.ts'

export async function runContractCommand(argv: string[]): Promise<number> {
  const here = import.meta.url
  const fromBundle = !here.endsWith('.ts')
  if (fromBundle) {
    // Computed specifiers keep esbuild from bundling these.
    const tsx = 'tsx/esm/api'
    const { register } = await dynamicImport<{ register: () => unknown }>(tsx)
    register()
  }
  // dist/cli.cjs and src/cli/contract-entry.ts both reach src/cli/contract.ts this way.
  const target = new URL(fromBundle ? '../src/cli/contract.ts' : './contract.ts', here)
  let contractCommand: typeof import('./contract.ts').contractCommand
  try {
    ;({ contractCommand } = await dynamicImport<typeof import('./contract.ts')>(target.href))
  } catch (err) {
    // The suites import vitest (an optional peer) as they load: say what to install, in one line.
    if (isModuleNotFound(err) && /'vitest'/.test((err as Error).message)) throw new UsageError(new MissingPeerError('vitest', "'token-sandbox contract' (it runs its suites with vitest)").message)
    throw err
  }
  try {
    return await contractCommand(argv)
  } catch (err) {
    // Loaded apart from the bundle, its UsageError is another class: hand the CLI its own.
    if (err instanceof Error && err.constructor.name === 'UsageError' && !(err instanceof UsageError)) throw new UsageError(err.message)
    throw err
  }
}
