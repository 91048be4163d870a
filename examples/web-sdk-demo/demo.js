// An integrator's Web SDK flow with no backend: this page plays both the backend (which asks the
// vendor for a token with its credentials) and the front end (which hands the token to the SDK).
// Every call to a vendor's real host is answered by token-sandbox inside msw's service worker;
// the sandbox (state and clock) lives in this page and starts from the seed on every load.
import { setupSandboxWorker, decodeToken, mintCafToken } from './token-sandbox.js'

const COMPLYCUBE = 'https://api.complycube.com/v1'
const CAF_BFF = { prod: 'https://web.us.prd.caf.io/bff', beta: 'https://web.us.stg.caf.io/bff', dev: 'https://web.us.dev.caf.io/bff' }
// The seeded CAF beta Mobile Key (fixtures/caf.json): what Trust would show your backend.
const CAF_DEFAULT_KEY = { clientId: 'tokensandbox-beta-0001', clientSecret: 'sandbox-beta-secret-0001-9d3a6f2c8e1b5d7a4c0f2e6b' }

const $ = (id) => document.getElementById(id)
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props)
  for (const c of children) if (c !== null && c !== undefined) node.append(c)
  return node
}
const pretty = (v) => JSON.stringify(v, null, 2)

// adminOrigin: the worker also answers /__sandbox/... on this page's origin, so the page can ask
// the sandbox for verdicts over fetch, carrying its own Referer like a real SDK request would.
const { worker, sandbox } = setupSandboxWorker({ adminOrigin: location.origin })
// For the console (and the browser tests): the page's own sandbox.
window.tokenSandbox = { worker, sandbox }

// The log of every request the page makes, with who answered it (msw's life-cycle events).
const logRow = (request, answeredBy, status) =>
  $('log').tBodies[0].append(
    el('tr', { className: answeredBy === 'service worker' ? 'mocked' : 'network' },
      el('td', { textContent: request.method }),
      el('td', { className: 'url', textContent: request.url }),
      el('td', { textContent: String(status) }),
      el('td', { textContent: answeredBy })),
  )
worker.events.on('response:mocked', ({ request, response }) => logRow(request, 'service worker', response.status))
worker.events.on('response:bypass', ({ request, response }) => logRow(request, 'network', response.status))

$('cc-referrer').value = `${location.origin}/*`

async function call(method, url, { headers = {}, body } = {}) {
  const init = { method, headers: { ...headers } }
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  const res = await fetch(url, init)
  const text = await res.text()
  let data = text
  try {
    data = text ? JSON.parse(text) : null
  } catch {}
  return { status: res.status, data }
}

function showExchange(box, method, url, body, answer) {
  box.hidden = false
  const parts = [
    el('div', {}, el('strong', { textContent: `${method} ` }), el('code', { textContent: url })),
    body === undefined ? null : el('pre', { className: 'request', textContent: pretty(body) }),
    el('div', {}, 'answered ', el('span', { className: `badge ${answer.status < 300 ? 'ok' : 'bad'}`, textContent: String(answer.status) })),
    el('pre', { className: 'response', textContent: pretty(answer.data) }),
  ]
  box.replaceChildren(...parts.filter((p) => p !== null))
}

function tick() {
  $('clock').textContent = new Date(sandbox.clock.now()).toISOString()
}

// ---- ComplyCube ----------------------------------------------------------------------------

let ccToken = null

async function newClient() {
  const body = { type: 'person', email: `demo.${Date.now()}@example.com`, personDetails: { firstName: 'Demo', lastName: 'Person' } }
  const answer = await call('POST', `${COMPLYCUBE}/clients`, { headers: { authorization: $('cc-key').value.trim() }, body })
  showExchange($('cc-exchange'), 'POST', `${COMPLYCUBE}/clients`, body, answer)
  if (answer.status === 200) $('cc-client').value = answer.data.id
}

async function getToken(ev) {
  ev.preventDefault()
  const body = { clientId: $('cc-client').value.trim() }
  const referrer = $('cc-referrer').value.trim()
  if (referrer) body.referrer = referrer
  const answer = await call('POST', `${COMPLYCUBE}/tokens`, { headers: { authorization: $('cc-key').value.trim() }, body })
  showExchange($('cc-exchange'), 'POST', `${COMPLYCUBE}/tokens`, body, answer)
  if (answer.status !== 200) {
    ccToken = null
    $('cc-token-section').hidden = true
    $('cc-verdict-section').hidden = true
    return
  }
  ccToken = answer.data.token
  const decoded = decodeToken(ccToken)
  $('cc-token').textContent = ccToken
  $('cc-token-header').textContent = pretty(decoded.header)
  $('cc-token-claims').textContent = pretty(decoded.payload)
  $('cc-token-section').hidden = false
  await verify()
}

// The Web SDK's question, asked of the sandbox: the body carries the token only; the referrer is
// whatever the browser put on the request, i.e. this page.
async function verify() {
  if (!ccToken) return
  const answer = await call('POST', '/__sandbox/complycube/tokens/verify', { body: { token: ccToken } })
  const v = answer.data
  const box = $('cc-verdict')
  box.dataset.verdict = v.verdict ?? 'error'
  box.dataset.accepted = String(v.accepted === true)
  box.replaceChildren(
    el('div', {},
      el('span', { className: `badge ${v.accepted ? 'ok' : 'bad'}`, textContent: v.accepted ? 'accepted' : 'refused' }), ' ',
      el('code', { textContent: v.verdict }), ' — ', v.message ?? ''),
    el('div', { className: 'muted', textContent:
      `asked from ${location.href}; token bound to ${v.claims?.referrer ?? '(no referrer)'}` +
      (typeof v.secondsLeft === 'number' ? `; ${Math.floor(v.secondsLeft / 60)} min ${v.secondsLeft % 60} s left by the sandbox clock` : '') }),
  )
  $('cc-verdict-section').hidden = false
}

// ---- CAF -------------------------------------------------------------------------------------

function cafSection(vendors) {
  const body = $('caf-body')
  if (!vendors.includes('caf')) {
    body.replaceChildren(el('div', { className: 'placeholder', id: 'caf-placeholder', textContent:
      'CAF is not registered in this build of token-sandbox yet (src/vendors/registry.ts): minting works, ' +
      'but there is no BFF to exchange the token with. This section lights up once it is.' }))
    return
  }
  const env = el('select', { id: 'caf-env' }, ...Object.keys(CAF_BFF).map((e) => el('option', { value: e, textContent: e, selected: e === 'beta' })))
  const clientId = el('input', { id: 'caf-client-id', value: CAF_DEFAULT_KEY.clientId, size: 26, autocomplete: 'off' })
  const secret = el('input', { id: 'caf-client-secret', value: CAF_DEFAULT_KEY.clientSecret, size: 44, autocomplete: 'off' })
  const go = el('button', { className: 'primary', id: 'caf-go', type: 'submit', textContent: 'Mint and exchange' })
  const out = el('div', { id: 'caf-exchange', className: 'exchange', hidden: true })
  const form = el('form', { className: 'grid' },
    el('label', {}, 'environment', env), el('label', {}, 'clientId', clientId), el('label', {}, 'clientSecret', secret), el('div', {}, go))
  form.onsubmit = async (ev) => {
    ev.preventDefault()
    // Signed in the page, as your backend would: {iss: clientId, exp} with HS256. `now` is the
    // sandbox clock, so exp agrees with the sandbox when it has been advanced.
    const token = await mintCafToken({ clientId: clientId.value.trim(), clientSecret: secret.value, expiresIn: '5m', now: sandbox.clock.now() })
    const url = `${CAF_BFF[env.value]}/session-tokens`
    const answer = await call('GET', url, { headers: { authorization: token } })
    showExchange(out, 'GET', url, undefined, answer)
    const session = typeof answer.data?.sessionToken === 'string' ? decodeToken(answer.data.sessionToken) : null
    out.prepend(el('div', { className: 'muted', textContent: 'authentication token (minted here):' }), el('pre', { id: 'caf-token', textContent: pretty(decodeToken(token)) }))
    if (session) out.append(el('div', { className: 'muted', textContent: 'session token, decoded:' }), el('pre', { id: 'caf-session', textContent: pretty(session) }))
    out.dataset.status = String(answer.status)
  }
  body.replaceChildren(form, out)
}

// ---- start -----------------------------------------------------------------------------------

$('cc-form').addEventListener('submit', (ev) => void getToken(ev))
$('cc-new-client').addEventListener('click', () => void newClient())
$('cc-recheck').addEventListener('click', () => void verify())
$('clock-advance').addEventListener('click', async () => {
  await call('POST', '/__sandbox/clock/advance', { body: { by: '61m' } })
  tick()
  await verify()
})
$('sandbox-reset').addEventListener('click', async () => {
  await call('POST', '/__sandbox/reset')
  tick()
  await verify()
})

try {
  await worker.start({ serviceWorker: { url: './mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true })
  const health = (await call('GET', '/__sandbox/health')).data
  cafSection(health.vendors)
  $('worker-status').textContent = `service worker active — vendors: ${health.vendors.join(', ')}`
  $('worker-status').className = 'badge ok'
  document.body.dataset.ready = 'true'
} catch (err) {
  $('worker-status').textContent = `the service worker did not start: ${err.message}`
  $('worker-status').className = 'badge bad'
  document.body.dataset.ready = 'failed'
}
tick()
setInterval(tick, 1000)
