// token-sandbox <command> [options] | --help | --version: the commands are registered in ./cli/commands.ts.
import { readFileSync } from 'node:fs'
import { vendorDefinitions, type VendorRegistry } from './vendors/registry.ts'
import { UsageError, withHelpTopic } from './cli/usage.ts'
import { commands } from './cli/commands.ts'
import { escapeControls } from './core/shown.ts'
import { UnreachableError } from './cli/sandbox.ts'

export { DEFAULT_PORT } from './cli/serve-options.ts'

/** The general help: what the sandbox is, and each registered command in one line. */
const help = (registry: VendorRegistry) => {
  const vendors = Object.keys(registry).join(', ')
  const lines = Object.values(commands).map((c) => `  token-sandbox ${c.usage.padEnd(22)} ${c.summary}`)
  return `token-sandbox — a faithful sandbox of identity vendors' token APIs (${vendors})

Usage:
${lines.join('\n')}
  token-sandbox --help | --version

Run 'token-sandbox <command> --help' for a command's options (e.g. 'token-sandbox serve --help').`
}

/** Runs one command; `registry` is the vendors it knows (a test composes its own). */
export async function main(argv: string[], registry: VendorRegistry = vendorDefinitions): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(help(registry))
        return command === undefined ? 2 : 0
      case '--version':
      case '-v': {
        const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
        console.log(pkg.version)
        return 0
      }
      default: {
        const known = Object.hasOwn(commands, command) ? commands[command] : undefined
        if (!known) throw new UsageError(`unknown command '${command}'`)
        return await withHelpTopic(command, () => known.run(rest, registry))
      }
    }
  } catch (err) {
    if (err instanceof UnreachableError) {
      console.error(`token-sandbox: ${escapeControls(err.message)}`)
      return err.exitCode
    }
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      const topic = err instanceof UsageError && err.helpTopic ? `${err.helpTopic} ` : ''
      const hint = err instanceof UsageError && !err.showUsage ? '' : `\nRun 'token-sandbox ${topic}--help' for usage.`
      console.error(`token-sandbox: ${escapeControls((err as Error).message)}${hint}`)
      return 2
    }
    throw err
  }
}
