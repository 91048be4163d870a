import { describe, expect, it } from 'vitest'
import { trimTrailingSlashes } from '../../src/core/paths.ts'
import { expectLinear } from '../support/timing.ts'

describe('trimTrailingSlashes', () => {
  it.each([
    ['/complycube/v1/', '/complycube/v1'],
    ['/caf///', '/caf'],
    ['/', ''],
    ['', ''],
    ['https://x.test', 'https://x.test'],
    ['/a/b', '/a/b'],
  ])('%j → %j', (input, output) => expect(trimTrailingSlashes(input)).toBe(output))

  // `replace(/\/+$/, '')` retries the run from each slash: quadratic.
  it('attack: a long run of slashes followed by something else, in linear time', () => {
    expectLinear((n) => () => trimTrailingSlashes('/'.repeat(n) + 'x'), 100_000)
    expectLinear((n) => () => trimTrailingSlashes('x' + '/'.repeat(n)), 100_000)
  })
})
