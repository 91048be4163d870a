// A process that takes the state-file lock when told to, for tests racing several of them:
// reads lines from stdin — `lock <target>` answers `won` or `lost <message>`; `release` frees
// what it holds and answers `released`.
import { createInterface } from 'node:readline'
import { lockStateFile } from '../../src/server/state-lock.ts'

let release: (() => void) | null = null
const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  if (line === 'release') {
    release?.()
    release = null
    process.stdout.write('released\n')
    return
  }
  const target = line.slice('lock '.length)
  lockStateFile(target, target).then(
    (r) => {
      release = r
      process.stdout.write('won\n')
    },
    (err: unknown) => process.stdout.write(`lost ${(err as Error).message}\n`),
  )
})
process.stdout.write('ready\n')
