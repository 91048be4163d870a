// `contract --output-file FILE`: the report goes to a regular file or to none. A FIFO, a device,
// a directory, an empty name or a path below a regular file is refused in one line with exit 2
// before the endpoint is even probed (the base URL here is a closed port: a later check would exit 3), so
// nothing can block on a pipe with no reader or fill /dev/full. The report itself is written by
// the CLI (vitest writes into a folder of ours first), replacing what the file held; missing
// folders are created, as vitest creates them for its reports. The FIFO is named to the built bin
// in a process of its own (killed had it waited on it); the other refusals are main() in this
// process (../support/cli-in-process.ts), which fails a run that gets as far as its suite.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server.ts'
import { closedPort, runCli } from '../support/cli-run.ts'
import { CONTRACT_STARTS, runInProcess } from '../support/cli-in-process.ts'

const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-output-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const KEY = 'test_tokensandbox_default_0001'
const closedBase = async () => `http://127.0.0.1:${await closedPort()}/complycube/v1`
const contractArgs = async (outputFile: string) => ['contract', 'complycube', '--base-url', await closedBase(), '--api-key', KEY, '--reporter', 'junit', '--output-file', outputFile]
const contract = async (outputFile: string) => runCli(await contractArgs(outputFile), {}, 30_000)
const contractInProcess = async (outputFile: string) => runInProcess(await contractArgs(outputFile), CONTRACT_STARTS)

describe('contract --output-file refuses what is not a regular file, before the probe', () => {
  const fifo = join(dir, 'report.fifo')
  execFileSync('mkfifo', [fifo])
  const folder = join(dir, 'a-folder')
  mkdirSync(folder)
  writeFileSync(join(dir, 'plain.txt'), 'not a folder')

  it.each([
    ['a FIFO', fifo, 'is not a regular file (a device, FIFO or socket)'],
    ['a device', '/dev/full', 'is not a regular file (a device, FIFO or socket)'],
    ['a directory', folder, 'is a directory'],
    ['a path below a regular file', join(dir, 'plain.txt', 'sub', 'r.xml'), `${join(dir, 'plain.txt')} is not a folder`],
  ])('%s', async (_what, target, why) => {
    const r = await (target === fifo ? contract(target) : contractInProcess(target))
    expect(r.code, r.stderr).toBe(2)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines[0]).toContain(`--output-file ${target}`)
    expect(lines[0]).toContain(why)
    // The usage error points at the command's help, and nothing else is printed.
    expect(lines.slice(1).join('\n')).not.toContain('contract suite against')
  })

  it('an empty name', async () => {
    const r = await contractInProcess('')
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toContain('--output-file needs a file name (it was empty)')
  })
})

describe('contract --output-file writes the report', () => {
  it('replaces what a regular file held with the JUnit report, creates missing folders, and leaves no scratch folder behind', async () => {
    const running = await startServer({ host: '127.0.0.1', port: 0 })
    try {
      const report = join(dir, 'report.xml')
      writeFileSync(report, 'x'.repeat(100_000))
      const nested = join(dir, 'new', 'deeper', 'report.json')
      const scratchBefore = readdirSync(tmpdir()).filter((f) => f.startsWith('token-sandbox-report-')).length
      // The two runs are independent: started together.
      const [r, json] = await Promise.all([
        runCli(['contract', 'complycube', '--base-url', `${running.url}/complycube/v1`, '--api-key', KEY, '--reporter', 'junit', '--output-file', report], {}, 120_000),
        // A report in folders that do not exist yet: created.
        runCli(['contract', 'complycube', '--base-url', `${running.url}/complycube/v1`, '--api-key', KEY, '--reporter', 'json', '--output-file', nested], {}, 120_000),
      ])
      expect(r.code, r.stderr).toBe(0)
      const xml = readFileSync(report, 'utf8')
      expect(xml.startsWith('<?xml')).toBe(true)
      expect(xml).toContain('<testsuites')
      expect(xml).not.toContain('xxxxxxxx')
      expect(json.code, json.stderr).toBe(0)
      expect((JSON.parse(readFileSync(nested, 'utf8')) as { numFailedTests: number }).numFailedTests).toBe(0)
      expect(readdirSync(tmpdir()).filter((f) => f.startsWith('token-sandbox-report-')).length).toBeLessThanOrEqual(scratchBefore)
    } finally {
      await running.close()
    }
  }, 120_000)
})
