// token-sandbox token <vendor> ...: each registered vendor's cli.ts (`help` and `run(argv)`,
// see src/vendors/kit.ts), loaded when asked for.
import { UsageError } from './usage.ts'
import { loadTokenCommand } from '../vendors/kit.ts'
import { vendorDefinitions, type VendorName } from '../vendors/registry.ts'

const vendors = Object.keys(vendorDefinitions) as VendorName[]

export const tokenHelp = `usage: token-sandbox token <vendor> [options]   (vendors: ${vendors.join(', ')})
Run 'token-sandbox token <vendor> --help' for a vendor's options.`

export async function tokenCommand(argv: string[]): Promise<number> {
  const [vendor, ...rest] = argv
  if (vendor === undefined || vendor === '--help' || vendor === '-h') {
    console.log(tokenHelp)
    return vendor === undefined ? 2 : 0
  }
  if (!(vendors as string[]).includes(vendor)) throw new UsageError(`unknown vendor '${vendor}' (vendors: ${vendors.join(', ')})`)
  return (await loadTokenCommand(vendor as VendorName)).run(rest)
}
