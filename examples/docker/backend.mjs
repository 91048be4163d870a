// Stands in for an integrator's backend in compose.yaml: the vendor's base URL comes from the
// environment (the sandbox in development and CI, https://api.complycube.com/v1 in production).
const base = process.env.COMPLYCUBE_BASE_URL
const res = await fetch(`${base}/tokens`, {
  method: 'POST',
  headers: { authorization: process.env.COMPLYCUBE_API_KEY, 'content-type': 'application/json' },
  body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
})
console.log(`POST ${base}/tokens → ${res.status} ${await res.text()}`)
process.exitCode = res.ok ? 0 : 1
