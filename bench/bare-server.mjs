// The limit: a bare node:http server that reads the request body and answers a constant,
// token-sized JSON body. Nothing the sandbox does can be faster than this on the same machine.
import { createServer } from 'node:http'

const body = JSON.stringify({
  token:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' +
    Buffer.from(JSON.stringify({ iss: 'token-sandbox:complycube', sub: '5eb04fcd0f3e360008035eb1', jti: '00000000-0000-4000-8000-000000000000', iat: 1, exp: 3601, clientId: '5eb04fcd0f3e360008035eb1', environment: 'sandbox', referrer: 'https://www.example.com/*' })).toString('base64url') +
    '.' + 'x'.repeat(43),
})
const server = createServer((req, res) => {
  req.on('data', () => {})
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  })
})
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
