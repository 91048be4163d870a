import { describe, expect, it } from 'vitest'
import { isAppId, parseMatchPattern } from '../../src/core/match-pattern.ts'

describe('Chrome match patterns for the Web SDK referrer', () => {
  it.each([
    ['https://www.example.com/*', 'https://www.example.com/', true],
    ['https://www.example.com/*', 'https://www.example.com/kyc/start?step=2', true],
    ['https://www.example.com/*', 'http://www.example.com/', false],
    ['https://www.example.com/*', 'https://evil.com/?https://www.example.com/', false],
    ['*://www.example.com/*', 'http://www.example.com/x', true],
    ['https://*.example.com/*', 'https://example.com/', true],
    ['https://*.example.com/*', 'https://a.b.example.com/', true],
    ['https://*.example.com/*', 'https://notexample.com/', false],
    ['https://*/*', 'https://anything.test/', true],
    ['https://www.example.com/kyc/*', 'https://www.example.com/other', false],
    ['http://localhost:3000/*', 'http://localhost:3000/demo', true],
    ['http://localhost:3000/*', 'http://localhost:4000/demo', false],
    ['http://localhost/*', 'http://localhost:3000/demo', false],
    ['http://localhost:*/*', 'http://localhost:3000/demo', true],
    ['https://www.example.com:443/*', 'https://www.example.com/', true],
    ['<all_urls>', 'https://x.test/', true],
  ])('%s against %s → %s', (pattern, url, expected) => {
    expect(parseMatchPattern(pattern)!.matches(url)).toBe(expected)
  })

  it.each([
    'www.example.com',
    'https://www.example.com',
    'ftp://www.example.com/*',
    'https://exa*mple.com/*',
    'https://www.*.com/*',
    'https://*example.com/*',
    'https:///*',
    'https://www.example.com:99999/*',
    'https://bad host.com/*',
    '',
  ])('refuses the invalid pattern %j', (pattern) => {
    expect(parseMatchPattern(pattern)).toBeNull()
  })

  it('never matches something that is not a URL', () => {
    expect(parseMatchPattern('https://*/*')!.matches('not a url')).toBe(false)
  })
})

describe('mobile application ids', () => {
  it.each(['com.example.app', 'com.complycube.SampleApp', 'io.my-co.app_2'])('accepts %s', (id) => expect(isAppId(id)).toBe(true))
  it.each(['app', '.com.example', 'com..example', 'com example.app', '1com.example'])('refuses %j', (id) =>
    expect(isAppId(id)).toBe(false),
  )
})
