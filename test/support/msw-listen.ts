// Fail on a request no handler answers. msw 3 calls the option onUnhandledFrame, msw 2
// onUnhandledRequest; each ignores the other's, and the in-process suites run under both (.ci/run).
export const failOnUnhandled = { onUnhandledFrame: 'error', onUnhandledRequest: 'error' } as const
