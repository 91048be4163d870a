// token-sandbox token <vendor> ...: each registered vendor's cli.ts (`help` and `run(argv)`,
// see src/vendors/kit.ts), loaded when asked for.
import { UsageError, withHelpTopic } from './usage.ts'
import { loadTokenCommand } from '../vendors/kit.ts'
import { vendorDefinitions, type VendorRegistry } from '../vendors/registry.ts'

export const tokenHelp = (registry: VendorRegistry = vendorDefinitions) => `usage: token-sandbox token <vendor> [options]   (vendors: ${Object.keys(registry).join(', ')})
Run 'token-sandbox token <vendor> --help' for a vendor's options.`

export async function tokenCommand(argv: string[], registry: VendorRegistry = vendorDefinitions): Promise<number> {
  const [vendor, ...rest] = argv
  if (vendor === undefined || vendor === '--help' || vendor === '-h') {
    console.log(tokenHelp(registry))
    return vendor === undefined ? 2 : 0
  }
  const definition = Object.prototype.hasOwnProperty.call(registry, vendor) ? registry[vendor] : undefined
  if (!definition) throw new UsageError(`unknown vendor '${vendor}' (vendors: ${Object.keys(registry).join(', ')})`)
  const command = await loadTokenCommand(definition)
  return withHelpTopic(`token ${vendor}`, () => command.run(rest))
}
