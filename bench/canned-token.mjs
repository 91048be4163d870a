// The canned answer of the baselines and the stubbing peers: a ComplyCube-shaped
// `{ "token": "…" }` body of a real token's size. One constant, so the bare server and a
// WireMock stub answer the same bytes.
export const cannedTokenBody = JSON.stringify({
  token:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' +
    Buffer.from(JSON.stringify({ iss: 'token-sandbox:complycube', sub: '5eb04fcd0f3e360008035eb1', jti: '00000000-0000-4000-8000-000000000000', iat: 1, exp: 3601, clientId: '5eb04fcd0f3e360008035eb1', environment: 'sandbox', referrer: 'https://www.example.com/*' })).toString('base64url') +
    '.' + 'x'.repeat(43),
})
