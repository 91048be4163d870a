// The limit: a bare node:http server that reads the request body and answers a constant,
// token-sized JSON body. Nothing the sandbox does can be faster than this on the same machine.
import { createServer } from 'node:http'
import { cannedTokenBody as body } from './canned-token.mjs'

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
