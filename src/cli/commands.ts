// The CLI's commands, each registered once: what the general help lists, what `main` runs, and
// (where a command's flags are fixed) the parseArgs options its own `--help` documents. Each
// command's help text lives next to its code and is printed by the command for `--help`/`-h`.
import type { ParseArgsOptionsConfig } from 'node:util'
import type { VendorRegistry } from '../vendors/registry.ts'
import { serveCommand, serveOptions } from './serve.ts'
import { decodeCommand, decodeOptions } from './decode.ts'
import { waitCommand, waitOptions } from './wait.ts'
import { tokenCommand } from './token.ts'
import { demoCommand, demoOptions } from './demo.ts'
import { UsageError } from './usage.ts'
import { isModuleNotFound, MissingPeerError } from '../contract/missing-peer.ts'
import { colourOnlyOnTerminal } from './colour.ts'

export interface Command {
  /** What follows `token-sandbox` in the general help's usage line. */
  usage: string
  summary: string
  /** The flags the command parses, when they are the same for every use (token and contract's depend on the vendor). */
  options?: ParseArgsOptionsConfig
  run(argv: string[], registry: VendorRegistry): Promise<number> | number
}

async function contract(argv: string[]): Promise<number> {
  // Loaded on demand: it drives vitest, which only this command needs. Its suites import
  // vitest (an optional peer) as they load: a missing one is a line saying what to install.
  let module: typeof import('./contract.ts')
  colourOnlyOnTerminal()
  try {
    module = await import('./contract.ts')
  } catch (err) {
    if (isModuleNotFound(err) && /['"]vitest/.test((err as Error).message)) {
      throw new UsageError(new MissingPeerError('vitest', "'token-sandbox contract' (it runs its suites with vitest)").message)
    }
    throw err
  }
  return await module.contractCommand(argv)
}

export const commands: Record<string, Command> = {
  serve: { usage: 'serve [options]', summary: 'start the standalone server', options: serveOptions, run: (argv) => serveCommand(argv) },
  wait: { usage: 'wait [URL]', summary: 'wait until a server answers its health check', options: waitOptions, run: (argv) => waitCommand(argv) },
  token: { usage: 'token <vendor> ...', summary: 'get or mint a token', run: (argv, registry) => tokenCommand(argv, registry) },
  decode: { usage: 'decode <jwt>', summary: "print a JWT's header and claims (no verification)", options: decodeOptions, run: (argv) => decodeCommand(argv) },
  contract: { usage: 'contract <vendor>', summary: 'run a contract suite against any endpoint', run: contract },
  demo: { usage: 'demo [--port <n>]', summary: 'serve the Web SDK demo page on 127.0.0.1', options: demoOptions, run: (argv) => demoCommand(argv) },
}
