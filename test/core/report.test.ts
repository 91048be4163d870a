// src/core/report.ts: an internal error in the log, its message's terminal controls escaped (it
// may quote a request), its stack's lines kept.
import { describe, expect, it, vi } from 'vitest'
import { logInternalError, shownError } from '../../src/core/report.ts'

describe('shownError', () => {
  it('escapes the message, line breaks too, and keeps the stack frames on their lines', () => {
    const err = new Error('bad path /\u001b]0;owned\u0007\nat forged (x)')
    const shown = shownError(err)
    expect(shown.startsWith('Error: bad path /\\u001b]0;owned\\u0007\\u000aat forged (x)\n    at ')).toBe(true)
    expect(shown.split('\n').length).toBe(err.stack!.split('\n').length - 1)
    expect(shown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
  })

  it('an error without a stack, a string and any other value', () => {
    const bare = new TypeError('\u009b2J')
    bare.stack = undefined
    expect(shownError(bare)).toBe('TypeError: \\u009b2J')
    expect(shownError('\u001b[2J')).toBe('\\u001b[2J')
    expect(shownError({ path: '\u202e' })).toBe('{"path":"\\u202e"}')
    expect(shownError(undefined)).toBe('undefined')
  })

  it('logInternalError prints it on stderr', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      logInternalError(new Error('\u001b]0;x\u0007'))
      expect(spy).toHaveBeenCalledOnce()
      expect(spy.mock.calls[0]![0]).toBe('token-sandbox: internal error:')
      expect(String(spy.mock.calls[0]![1])).toMatch(/^Error: \\u001b\]0;x\\u0007\n/)
    } finally {
      spy.mockRestore()
    }
  })
})
