// Attacks on `serve --state` through the file's content: anything but a valid state in full is
// refused — StateFileError in-process, exit 2 from the CLI — naming the bad value, and the file
// is left on disk byte for byte.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { startServer } from '../../src/server/server.ts'
import { StateFileError } from '../../src/server/state-file.ts'
import { SOURCE_CLI } from '../support/cli.ts'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-valid-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type State = Record<string, any>
/** A valid state, changed by `edit`. */
function stateWith(edit: (s: State) => void): string {
  const s = JSON.parse(JSON.stringify(createSandbox().snapshot())) as State
  edit(s)
  return JSON.stringify(s)
}
const cc = (s: State) => s.vendors.complycube.db
const caf = (s: State) => s.vendors.caf.db
const ca = (s: State) => s.vendors.ca.db

const CASES: [string, string, RegExp][] = [
  ['null', 'null', /not a token-sandbox state: expected a JSON object/],
  ['an array', '[]', /not a token-sandbox state: expected a JSON object/],
  ['a string', '"state"', /not a token-sandbox state: expected a JSON object/],
  ['a number', '42', /not a token-sandbox state: expected a JSON object/],
  ['another version', stateWith((s) => (s.version = 2)), /state version 2 is not supported/],
  ['a client document that is not JSON', stateWith((s) => (cc(s).client[0].document = '{"id":')), /complycube\.db\.client\[0\]\.document must be a client document as JSON text \(it is not valid JSON\)/],
  ['a client document that is an array', stateWith((s) => (cc(s).client[0].document = '[]')), /complycube\.db\.client\[0\]\.document must be a client document as JSON text: an object/],
  ['a client document with another id', stateWith((s) => (cc(s).client[0].document = '{"id":"x","type":"person"}')), /complycube\.db\.client\[0\]\.document .*its id must be the row's id/],
  ['a client document with a bad date', stateWith((s) => (cc(s).client[0].document = JSON.stringify({ ...JSON.parse(cc(s).client[0].document), updatedAt: 'soon' }))), /client\[0\]\.document .*its updatedAt must be a date/],
  ['a client createdAtMs that is a string', stateWith((s) => (cc(s).client[0].createdAtMs = 'yesterday')), /complycube\.db\.client\[0\]\.createdAtMs must be a number/],
  ['a client createdAtMs out of range', stateWith((s) => (cc(s).client[0].createdAtMs = 1e300)), /complycube\.db\.client\[0\]\.createdAtMs must be a whole number of milliseconds within the range of a date/],
  ['a client in an unknown environment', stateWith((s) => (cc(s).client[0].environment = 'prod')), /complycube\.db\.client\[0\]\.environment must be one of sandbox, live/],
  ['an API key revoked "no"', stateWith((s) => (cc(s).apiKey[0].revoked = 'no')), /complycube\.db\.apiKey\[0\]\.revoked must be a boolean/],
  ['an API key without its prefix', stateWith((s) => (cc(s).apiKey[0].key = 'key_0001')), /complycube\.db\.apiKey\[0\]\.key must start with the prefix of its environment/],
  ['a ComplyCube signing secret that is a number', stateWith((s) => (s.vendors.complycube.signingSecret = 7)), /complycube\.signingSecret must be a non-empty string/],
  ['CAF products that are not JSON', stateWith((s) => (caf(s).mobileKey[0].products = 'FaceAuthenticator')), /caf\.db\.mobileKey\[0\]\.products must be the key’s products as JSON text \(it is not valid JSON\)/],
  ['CAF products unknown', stateWith((s) => (caf(s).mobileKey[0].products = '["Teleport"]')), /caf\.db\.mobileKey\[0\]\.products .*a non-empty array of/],
  ['a CAF key date that is not one', stateWith((s) => (caf(s).mobileKey[0].createdAt = 'not a date')), /caf\.db\.mobileKey\[0\]\.createdAt must be a date/],
  ['a CAF key date out of range', stateWith((s) => (caf(s).mobileKey[0].createdAt = '+300000-01-01T00:00:00.000Z')), /caf\.db\.mobileKey\[0\]\.createdAt must be a date/],
  ['a CAF session date that is a number', stateWith((s) => (caf(s).session = [{ id: 's1', environment: 'prod', clientId: 'c', personId: 'p', createdAt: 5 }])), /caf\.db\.session\[0\]\.createdAt must be a string/],
  ['a CAF attempt document that is not JSON', stateWith((s) => (caf(s).attempt = [{ id: 'a1', environment: 'prod', kind: 'authenticate', peopleId: '1', document: 'x' }])), /caf\.db\.attempt\[0\]\.document must be a face attempt as JSON text/],
  ['a CAF setting out of range', stateWith((s) => (s.vendors.caf.settings = { clockSkewSeconds: -1 })), /caf\.settings: 'clockSkewSeconds' must be an integer/],
  ['a CA factor at position -1', stateWith((s) => (ca(s).factor[0].position = -1)), /ca\.db\.factor\[0\]\.position must be a whole number, 0 or more/],
  ['a CA factor of an unknown kind', stateWith((s) => (ca(s).factor[0].kind = 'pigeon')), /ca\.db\.factor\[0\]\.kind must be one of contact, device/],
  ['a CA account createdAtMs that is a string', stateWith((s) => (ca(s).account[0].createdAtMs = '2026')), /ca\.db\.account\[0\]\.createdAtMs must be a number/],
  ['a CA service account with unknown operations', stateWith((s) => (ca(s).serviceAccount[0].operations = 'fly')), /ca\.db\.serviceAccount\[0\]\.operations must be \* or operation names/],
  ['a CA tenant secret that is a number', stateWith((s) => (s.vendors.ca.secrets.hedmoral = 5)), /ca\.secrets\.hedmoral must be a non-empty string/],
  ['an unknown property on a row', stateWith((s) => (ca(s).card[0].owner = 'x')), /ca\.db\.card\[0\] has an unknown property 'owner'/],
  ['an issued token signed out of range', stateWith((s) => (s.issued = [{ token: 't', signedAt: 1e20 }])), /issued\[0\] must be \{ token, signedAt \}/],
  ['a savedAt that is not a date', stateWith((s) => (s.savedAt = 'tuesday')), /savedAt must be a date/],
  ['a clock out of range', stateWith((s) => (s.clock = { frozen: true, epochMs: 1e300 })), /clock\.epochMs must be a number of milliseconds/],
]

describe('a state file that is not valid in full is refused, in-process', () => {
  it.each(CASES)('%s', async (_name, text, message) => {
    const sub = mkdtempSync(join(dir, 'api-'))
    const file = join(sub, 'state.json')
    writeFileSync(file, text)
    const err = await startServer({ stateFile: file }).then(
      (running) => running.close().then(() => null),
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(StateFileError)
    expect((err as Error).message).toMatch(message)
    expect((err as Error).message).toContain(file)
    expect(readFileSync(file, 'utf8')).toBe(text)
    // No lock and no temp file left next to it.
    expect(readdirSync(sub)).toEqual(['state.json'])
  })

  it('the state the sandbox writes loads back (every rule holds for real rows)', async () => {
    const file = join(dir, 'round-trip.json')
    const first = await startServer({ stateFile: file })
    const headers = { 'content-type': 'application/json', authorization: 'test_tokensandbox_default_0001' }
    const res = await fetch(`${first.url}/complycube/v1/clients`, { method: 'POST', headers, body: JSON.stringify({ type: 'person', email: 'rt@example.com', personDetails: { firstName: 'R', lastName: 'T' } }) })
    expect(res.status).toBe(200)
    await first.close()
    const second = await startServer({ stateFile: file })
    expect(second.stateFile?.opened).toBe('loaded')
    await second.close()
  })
})

function serve(file: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, 'serve', '--port', '0', '--quiet', '--state', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env },
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

describe('token-sandbox serve --state with a file that is not valid', () => {
  it('exits 2 with one line naming the bad value, and leaves the file as it was', async () => {
    const picked = CASES.filter(([name]) => ['null', 'another version', 'a client document that is not JSON', 'a CAF key date out of range'].includes(name))
    const files = picked.map(([, text], i) => {
      const file = join(dir, `cli-${i}.json`)
      writeFileSync(file, text)
      return file
    })
    const results = await Promise.all(files.map(serve))
    results.forEach((r, i) => {
      const [name, text, message] = picked[i]!
      expect(r.code, name).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
      // The message alone: the file is wrong, not the command line (no usage hint).
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(readFileSync(files[i]!, 'utf8')).toBe(text)
      expect(existsSync(join(dir, `.cli-${i}.json.lock`))).toBe(false)
    })
  }, 60_000)
})
