// `token-sandbox <command> --help` (and `-h`) prints that command's own usage and options and
// exits 0, for every command registered in src/cli/commands.ts; the general help lists them
// all and points at `<command> --help`. Run in-process through `main`, and once as a child
// from the TypeScript sources, as a user's shell runs it.
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli.ts'
import { commands } from '../../src/cli/commands.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { SOURCE_CLI } from '../support/cli.ts'

/** What `main(argv)` printed on stdout and stderr, and its exit code. */
async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
  const code = await main(argv)
  vi.restoreAllMocks()
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

afterEach(() => vi.restoreAllMocks())

const names = Object.keys(commands)

describe('<command> --help', () => {
  it('covers the commands a user knows (the registry is not empty)', () => {
    expect(names).toEqual(expect.arrayContaining(['serve', 'wait', 'token', 'decode', 'contract', 'demo']))
  })

  it.each(names.flatMap((name) => ['--help', '-h'].map((flag) => [name, flag] as const)))('%s %s: its own usage, exit 0', async (name, flag) => {
    const general = (await run(['--help'])).stdout
    const r = await run([name, flag])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(new RegExp(`^usage: token-sandbox ${name}\\b`))
    expect(r.stdout).not.toBe(general)
    const options = commands[name]!.options
    if (options) {
      // Every flag the command parses is documented in its help.
      for (const [option, config] of Object.entries(options)) {
        expect(r.stdout, `${name} --help names --${option}`).toMatch(new RegExp(`--${option}\\b`))
        if (config.short) expect(r.stdout, `${name} --help names -${config.short}`).toMatch(new RegExp(`(^|\\s)-${config.short}\\b`))
      }
    } else {
      // Flags that depend on the vendor: the help says how to see them.
      expect(r.stdout).toContain(`token-sandbox ${name} <vendor>`)
    }
  })

  it.each(Object.keys(vendorDefinitions))('token %s --help: that vendor’s token options, exit 0', async (vendor) => {
    const r = await run(['token', vendor, '--help'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/--[a-z-]+/)
  })

  it('the general help lists every registered command and says <command> --help', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    for (const name of names) expect(r.stdout).toContain(`token-sandbox ${name}`)
    expect(r.stdout).toContain("token-sandbox <command> --help")
    // Not one command's options: those are in that command's help.
    expect(r.stdout).not.toContain('--body-limit')
  })

  it('serve --help from the shell prints serve’s options, not the general help (exit 0)', () => {
    const r = spawnSync(process.execPath, [...SOURCE_CLI, 'serve', '--help'], { encoding: 'utf8', timeout: 20_000 })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^usage: token-sandbox serve/)
    expect(r.stdout).toContain('--rate-limits')
    expect(r.stdout).not.toContain('token-sandbox demo')
  })
})
