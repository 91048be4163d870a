// token-sandbox token <vendor> ...: one module per vendor, each with `help` and `run(argv)`.
import { UsageError } from './usage.ts'
import * as complycube from './token-complycube.ts'
import * as caf from './token-caf.ts'
import * as ca from './token-ca.ts'

interface TokenCommand {
  help: string
  run(argv: string[]): Promise<number>
}

// Add a vendor: create src/cli/token-<vendor>.ts exporting `help` and `run`, and list it here.
const commands: Record<string, TokenCommand> = {
  complycube,
  caf,
  ca,
}

export const tokenHelp = `usage: token-sandbox token <vendor> [options]   (vendors: ${Object.keys(commands).join(', ')})
Run 'token-sandbox token <vendor> --help' for a vendor's options.`

export async function tokenCommand(argv: string[]): Promise<number> {
  const [vendor, ...rest] = argv
  if (vendor === undefined || vendor === '--help' || vendor === '-h') {
    console.log(tokenHelp)
    return vendor === undefined ? 2 : 0
  }
  const command = Object.prototype.hasOwnProperty.call(commands, vendor) ? commands[vendor] : undefined
  if (!command) throw new UsageError(`unknown vendor '${vendor}' (vendors: ${Object.keys(commands).join(', ')})`)
  return command.run(rest)
}
