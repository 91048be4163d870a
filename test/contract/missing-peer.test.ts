// A missing optional peer is one line naming what to install.
import { describe, expect, it } from 'vitest'
import { isModuleNotFound, MissingPeerError } from '../../src/contract/missing-peer.ts'

describe('MissingPeerError', () => {
  it('says, in one line, what needs the peer and the npm command that installs it', () => {
    const err = new MissingPeerError('@stoplight/prism-cli', 'startPrism() (the Prism mode)')
    expect(err.message).toBe('startPrism() (the Prism mode) needs @stoplight/prism-cli, which is not installed here: npm install --save-dev @stoplight/prism-cli')
    expect(err.message).not.toContain('\n')
  })

  it('is told by a module-not-found error from import() or require()', async () => {
    const missing = 'no-such-package-token-sandbox'
    const esm = await import(missing).catch((e: unknown) => e)
    expect(isModuleNotFound(esm)).toBe(true)
    expect(isModuleNotFound(Object.assign(new Error('x'), { code: 'MODULE_NOT_FOUND' }))).toBe(true)
    expect(isModuleNotFound(new Error('other'))).toBe(false)
    expect(isModuleNotFound(null)).toBe(false)
  })
})
