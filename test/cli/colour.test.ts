// src/cli/colour.ts: whether `contract`'s vitest may colour. Through the real CLI (piped, FORCE_COLOR,
// NO_COLOR) in test/cli/contract-output.test.ts; here each rule.
import { describe, expect, it } from 'vitest'
import { colourOnlyOnTerminal } from '../../src/cli/colour.ts'

const decide = (env: NodeJS.ProcessEnv, isTTY: boolean) => {
  const copy = { ...env }
  colourOnlyOnTerminal(copy, isTTY)
  return copy
}

describe('colourOnlyOnTerminal', () => {
  it('not a terminal: NO_COLOR; a terminal: untouched', () => {
    expect(decide({}, false)).toEqual({ NO_COLOR: '1' })
    expect(decide({}, true)).toEqual({})
  })

  it('FORCE_COLOR asks for colour off a terminal; FORCE_COLOR=0 or false means none, even on one', () => {
    expect(decide({ FORCE_COLOR: '1' }, false)).toEqual({ FORCE_COLOR: '1' })
    expect(decide({ FORCE_COLOR: '' }, false)).toEqual({ FORCE_COLOR: '' })
    expect(decide({ FORCE_COLOR: '0' }, true)).toEqual({ NO_COLOR: '1' })
    expect(decide({ FORCE_COLOR: 'false' }, true)).toEqual({ NO_COLOR: '1' })
  })

  it('a NO_COLOR already set is left as it is', () => {
    expect(decide({ NO_COLOR: '', FORCE_COLOR: '1' }, true)).toEqual({ NO_COLOR: '', FORCE_COLOR: '1' })
  })
})
