// Attacks on the one-server-per-state-file lock: processes racing over a stale lock, a symbolic
// link and a hard link to a file in use, and writes through a symbolic link.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server.ts'
import { StateFileError } from '../../src/server/state-file.ts'
import { lockPathOf } from '../../src/server/state-lock.ts'
import { startServe, type ServeChild } from '../support/serve-child.ts'
import { SOURCE_CLI } from '../support/cli.ts'

const CONTENDER = fileURLToPath(new URL('../support/lock-contender.ts', import.meta.url))
const DEAD_PID = '999999999\n'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-lock-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const serveSync = (file: string) =>
  spawnSync(process.execPath, [...SOURCE_CLI, 'serve', '--port', '0', '--quiet', '--state', file], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env },
  })

interface Contender {
  child: ChildProcess
  /** Resolves once the child is listening. */
  ready: Promise<string>
  ask(line: string): Promise<string>
}

/** A lock-contender child (test/support/lock-contender.ts), answering one line per line asked. */
function contender(): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER], { stdio: ['pipe', 'pipe', 'inherit'] })
  const answers: string[] = []
  const waiting: ((line: string) => void)[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const w = waiting.shift()
    if (w) w(line)
    else answers.push(line)
  })
  const next = () => new Promise<string>((resolve) => (answers.length ? resolve(answers.shift()!) : waiting.push(resolve)))
  // Its first line is `ready`.
  const ready = next()
  return {
    child,
    ready,
    ask(line) {
      child.stdin!.write(`${line}\n`)
      return next()
    },
  }
}

describe('processes racing over a stale lock', () => {
  it('never gives the lock to two of them: 4 processes, 20 rounds', async () => {
    const file = join(dir, 'race.json')
    const lock = join(dir, '.race.json.lock')
    const procs = Array.from({ length: 4 }, contender)
    try {
      await Promise.all(procs.map((p) => p.ready))
      for (let round = 0; round < 20; round++) {
        writeFileSync(lock, DEAD_PID)
        const answers = await Promise.all(procs.map((p) => p.ask(`lock ${file}`)))
        const winners = answers.flatMap((a, i) => (a === 'won' ? [procs[i]!] : []))
        expect(winners, `round ${round}: ${answers.join(' | ')}`).toHaveLength(1)
        const owner = winners[0]!.child.pid
        expect(readFileSync(lock, 'utf8')).toBe(`${owner}\n`)
        for (const a of answers) if (a !== 'won') expect(a).toContain(`is in use by another process (pid ${owner})`)
        expect(await winners[0]!.ask('release')).toBe('released')
        expect(existsSync(lock)).toBe(false)
      }
      // Nothing left behind: no temp files, no take-over marks.
      expect(readdirSync(dir).filter((n) => n.startsWith('.race.json'))).toEqual([])
    } finally {
      for (const p of procs) p.child.kill()
    }
  }, 30_000)

  it('two `serve --state` started at once over a stale lock: one serves, the other exits 2 naming it (2 rounds)', async () => {
    const file = join(dir, 'race-serve.json')
    const lock = join(dir, '.race-serve.json.lock')
    for (let round = 0; round < 2; round++) {
      writeFileSync(lock, DEAD_PID)
      const starts = await Promise.allSettled([startServe(['--quiet', '--state', file]), startServe(['--quiet', '--state', file])])
      const up = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
      const refused = starts.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []))
      try {
        expect(up, refused.join('\n')).toHaveLength(1)
        expect(refused[0]).toMatch(/serve exited \(2\)/)
        expect(refused[0]).toContain(`is in use by another process (pid ${up[0]!.child.pid})`)
      } finally {
        for (const s of up) await s.kill()
      }
    }
  }, 60_000)
})

describe('another name for a state file in use', () => {
  // One server for both names: a symbolic link first, then a hard link (the second name).
  const file = () => join(dir, 'linked.json')
  let first: ServeChild
  beforeAll(async () => {
    first = await startServe(['--quiet', '--state', file()])
  })
  afterAll(async () => {
    await first?.kill()
  })

  it('a symbolic link to it: the second server exits 2 naming the owner', async () => {
    const link = join(dir, 'symlink.json')
    symlinkSync(file(), link)
    const r = serveSync(link)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`is in use by another process (pid ${first.child.pid})`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  }, 60_000)

  it('a hard link to it: the second server exits 2 naming the owner; refused too with no server, since writes would split the names', async () => {
    const link = join(dir, 'hard-link.json')
    linkSync(file(), link)
    const before = readFileSync(file(), 'utf8')
    const r = serveSync(link)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`state file ${link} has 2 names (hard links): it is in use by another process (pid ${first.child.pid}) as ${file()}`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(file(), 'utf8')).toBe(before)
    // In-process, with no server on either name: a StateFileError, and the file left as it was.
    const alone = join(dir, 'hard-alone.json')
    writeFileSync(alone, '{"version":1}')
    linkSync(alone, join(dir, 'hard-alone-2.json'))
    await expect(startServer({ stateFile: alone })).rejects.toThrow(StateFileError)
    await expect(startServer({ stateFile: alone })).rejects.toThrow(/has 2 names \(hard links\): a server may be running on another of them/)
    expect(readFileSync(alone, 'utf8')).toBe('{"version":1}')
  }, 60_000)
})

describe('writing through a symbolic link', () => {
  it('keeps the link and writes its target', async () => {
    const sub = mkdtempSync(join(dir, 'sym-'))
    const real = join(sub, 'real.json')
    const link = join(sub, 'link.json')
    symlinkSync('real.json', link)
    // A link to a file that does not exist yet is refused (it would be replaced by a plain file).
    await expect(startServer({ stateFile: link })).rejects.toThrow(/is a symbolic link to a file that does not exist/)
    const seeded = await startServer({ stateFile: real })
    await seeded.close()

    const running = await startServer({ stateFile: link })
    expect(running.stateFile?.target).toBe(real)
    const res = await fetch(`${running.url}/__sandbox/complycube/keys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"through the link"}' })
    expect(res.status).toBe(201)
    const { key } = (await res.json()) as { key: string }
    await running.close()
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readFileSync(real, 'utf8')).toContain(key)
    // The lock and the temp files were next to the target; none is left.
    expect(readdirSync(sub).sort()).toEqual(['link.json', 'real.json'])
  })
})

describe('a lock naming our own pid', () => {
  // A container's server is pid 1 on every start: after `docker kill` and `docker start`, the
  // lock the killed server left names the new server's own pid.
  it('is taken over when an earlier process with our pid left it, and refused while we hold it', async () => {
    const file = join(dir, 'own-pid.db')
    const lock = lockPathOf(file)
    writeFileSync(lock, `${process.pid}\n`)
    const server = await startServer({ port: 0, stateFile: file })
    try {
      expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`)
      const second = startServer({ port: 0, stateFile: file })
      await expect(second).rejects.toThrow(StateFileError)
      await expect(second).rejects.toThrow('is in use by this process (a server not closed yet)')
    } finally {
      await server.close()
    }
    expect(existsSync(lock)).toBe(false)
  })
})
