// The dashboard page served at GET /__sandbox/: plain HTML, one inline style and one inline
// script, no build step. It reads the admin API only (same origin). Kept as a string so no
// file is read at run time. String.raw keeps backslashes as written; the script below uses no
// backticks and no "${" so the template literal stays inert.
export const dashboardHtml = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>token-sandbox dashboard</title>
<style>
  :root { --bg: #f6f7f9; --card: #fff; --ink: #1d2330; --muted: #667085; --line: #e4e7ec; --accent: #3b5bdb;
          --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #b42318; --bad-bg: #fee4e2; --warn: #9a6700; --warn-bg: #fff4c2; }
  * { box-sizing: border-box; }
  [hidden] { display: none !important; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
  header { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center;
           padding: 10px 20px; background: #101828; color: #fff; }
  header h1 { font-size: 16px; margin: 0; font-weight: 600; letter-spacing: .2px; }
  header .clock { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
  header button, header input { font: inherit; }
  main { padding: 16px 20px 40px; display: grid; gap: 16px; max-width: 1400px; margin: 0 auto; }
  section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; min-width: 0; }
  section > h2 { font-size: 15px; margin: 0 0 10px; display: flex; gap: 10px; align-items: baseline; }
  section > h2 small { color: var(--muted); font-weight: 400; }
  button { cursor: pointer; border: 1px solid var(--line); background: #fff; color: var(--ink); border-radius: 6px; padding: 4px 10px; }
  button:hover { border-color: var(--accent); }
  button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
  button.danger { color: var(--bad); border-color: #f3b8b2; }
  header button { background: #1d2939; color: #fff; border-color: #344054; }
  input, select, textarea { border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; font: inherit; background: #fff; color: var(--ink); }
  .controls { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
  .muted { color: var(--muted); }
  .mono, code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
  pre { margin: 0; white-space: pre-wrap; word-break: break-all; background: #f9fafb; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .3px; }
  td.meta { max-width: 420px; }
  .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
  .badge.active, .badge.s2 { background: var(--ok-bg); color: var(--ok); }
  .badge.expired, .badge.s4, .badge.s5 { background: var(--bad-bg); color: var(--bad); }
  .badge.not_yet_valid, .badge.frozen { background: var(--warn-bg); color: var(--warn); }
  .badge.env { background: #eef2ff; color: #3538cd; font-weight: 500; }
  .vendors { display: grid; gap: 12px; }
  .vendor { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; display: grid; gap: 4px 20px; grid-template-columns: minmax(260px, 1fr) minmax(0, 2.2fr); }
  .vendor > * { min-width: 0; }
  .scroll { overflow-x: auto; }
  td.mono { overflow-wrap: break-word; }
  td.mono.meta { overflow-wrap: anywhere; }
  .vendor h3 { margin: 0 0 6px; font-size: 14px; }
  .vendor h4 { margin: 10px 0 4px; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .3px; }
  .token { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 8px; }
  .token > summary { cursor: pointer; list-style: none; display: grid; gap: 8px; align-items: center; padding: 8px 10px;
                     grid-template-columns: 80px 100px 80px minmax(240px, 1.4fr) minmax(160px, 1fr) 170px 90px; }
  .token > summary > * { min-width: 0; overflow-wrap: anywhere; }
  .token > summary::-webkit-details-marker { display: none; }
  .token-head { display: grid; gap: 8px; padding: 0 11px 4px; grid-template-columns: 80px 100px 80px minmax(240px, 1.4fr) minmax(160px, 1fr) 170px 90px;
                color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .3px; font-weight: 600; }
  .token .body { display: grid; gap: 8px; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); padding: 0 10px 10px; }
  #journal-wrap { overflow-x: auto; }
  .empty { color: var(--muted); padding: 8px 0; }
  #error { display: none; background: var(--bad-bg); color: var(--bad); border: 1px solid #f3b8b2; border-radius: 8px; padding: 8px 12px; }
  #verify-result:empty { display: none; }
  label { display: inline-flex; gap: 6px; align-items: center; }
</style>
</head>
<body>
<header>
  <h1>token-sandbox</h1>
  <span>clock <span class="clock" id="clock-now">…</span> <span class="badge frozen" id="clock-frozen" hidden>frozen</span>
    <span class="muted" id="clock-offset"></span></span>
  <span class="controls">
    <button id="freeze" type="button">Freeze</button>
    <button id="unfreeze" type="button">Unfreeze</button>
    <button type="button" data-advance="1m">+1m</button>
    <button type="button" data-advance="10m">+10m</button>
    <button type="button" data-advance="61m">+61m</button>
    <button type="button" data-advance="1d">+1d</button>
    <input id="advance-by" size="6" value="61m" aria-label="advance by"><button id="advance" type="button">Advance</button>
    <button id="clock-reset" type="button">Real time</button>
  </span>
  <span class="controls">
    <label><input type="checkbox" id="live" checked> live</label>
    <button id="refresh" type="button">Refresh</button>
    <button id="reset" type="button">Reset sandbox</button>
  </span>
</header>
<main>
  <div id="error" role="alert"></div>

  <section id="tokens-section">
    <h2>Issued tokens <small id="tokens-count"></small></h2>
    <div id="tokens"></div>
  </section>

  <section id="journal-section">
    <h2>Requests <small id="journal-count"></small></h2>
    <form id="filters" class="controls" style="margin-bottom:8px">
      <select id="f-vendor" aria-label="vendor"><option value="">all vendors</option></select>
      <input id="f-environment" size="10" placeholder="environment" aria-label="environment">
      <select id="f-method" aria-label="method"><option value="">any method</option><option>GET</option><option>POST</option><option>PUT</option><option>PATCH</option><option>DELETE</option></select>
      <input id="f-status" size="5" placeholder="status" aria-label="status" inputmode="numeric">
      <input id="f-path" size="20" placeholder="path contains" aria-label="path">
      <select id="f-limit" aria-label="limit"><option>50</option><option selected>100</option><option>500</option><option>1000</option></select>
      <button type="submit">Filter</button>
      <button type="button" id="f-clear">Clear</button>
    </form>
    <div id="journal-wrap"><table id="journal">
      <thead><tr><th>#</th><th>at (sandbox)</th><th>vendor</th><th>env</th><th>method</th><th>path</th><th>status</th><th>ms</th><th>reason</th><th>meta</th></tr></thead>
      <tbody></tbody>
    </table></div>
  </section>

  <section id="verify-section" hidden>
    <h2>Check a token <small>would the vendor's SDK accept it?</small></h2>
    <form id="verify-form" class="controls">
      <select id="verify-vendor" aria-label="vendor"></select>
      <input id="verify-token" size="60" placeholder="token (JWT)" aria-label="token" required>
      <input id="verify-referrer" size="30" placeholder="referrer or origin, e.g. https://www.example.com/" aria-label="referrer">
      <input id="verify-appid" size="18" placeholder="appId (mobile)" aria-label="appId">
      <button class="primary" type="submit">Check</button>
    </form>
    <div id="verify-result" style="margin-top:8px"></div>
  </section>


  <section id="vendors-section">
    <h2>Vendors <small>environments, base URLs, and each vendor's own listings (keys, accounts, …)</small></h2>
    <div class="vendors" id="vendors"></div>
  </section>
</main>
<script>
(function () {
  'use strict'
  // The admin API lives under the path this page is served at (normally /__sandbox).
  var base = location.pathname.replace(/\/+$/, '')
  var state = { clock: null, clockAt: 0, tokens: [], vendors: [], verifyRoutes: {} }
  var $ = function (id) { return document.getElementById(id) }

  function el(tag, attrs) {
    var node = document.createElement(tag)
    if (attrs) for (var k in attrs) {
      if (k === 'text') node.textContent = attrs[k]
      else if (k === 'className') node.className = attrs[k]
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k])
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i]
      if (c === null || c === undefined) continue
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c)
    }
    return node
  }

  function api(method, path, body) {
    var init = { method: method, headers: {} }
    // The admin API takes state changes only as application/json, body or not.
    if (method !== 'GET') init.headers['content-type'] = 'application/json'
    if (body !== undefined) init.body = JSON.stringify(body)
    return fetch(base + path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = text ? JSON.parse(text) : null
        if (!res.ok) throw new Error(method + ' ' + path + ': ' + res.status + ' ' + (data && data.error ? data.error.message : text))
        return data
      })
    })
  }

  function showError(err) {
    var box = $('error')
    if (!err) { box.style.display = 'none'; box.textContent = ''; return }
    box.style.display = 'block'
    box.textContent = 'The sandbox did not answer: ' + (err && err.message ? err.message : String(err))
  }

  // The sandbox's "now": frozen, or running on from when the clock was last read.
  function sandboxNowMs() {
    if (!state.clock) return Date.now()
    return state.clock.frozen ? state.clock.epochMs : state.clock.epochMs + (performance.now() - state.clockAt)
  }

  function duration(seconds) {
    if (seconds <= 0) return '0s'
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60
    return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + (d || h || m ? m + 'm ' : '') + s + 's'
  }

  function renderClock() {
    if (!state.clock) return
    $('clock-now').textContent = new Date(sandboxNowMs()).toISOString()
    $('clock-frozen').hidden = !state.clock.frozen
    var off = state.clock.offsetMs
    $('clock-offset').textContent = Math.abs(off) < 1000 ? '' : '(' + (off > 0 ? '+' : '−') + duration(Math.round(Math.abs(off) / 1000)) + ' from real time)'
  }

  function tokenStatus(t) {
    var now = Math.floor(sandboxNowMs() / 1000)
    var exp = t.claims.exp, nbf = t.claims.nbf
    if (typeof exp === 'number' && exp <= now) return 'expired'
    if (typeof nbf === 'number' && nbf > now) return 'not_yet_valid'
    return 'active'
  }

  function timeLeft(t) {
    if (typeof t.claims.exp !== 'number') return 'no exp'
    return duration(Math.max(0, t.claims.exp - Math.floor(sandboxNowMs() / 1000)))
  }

  // Ticks every second without asking the sandbox: time left and status follow the sandbox clock.
  function tick() {
    renderClock()
    var rows = document.querySelectorAll('#tokens .token')
    for (var i = 0; i < rows.length; i++) {
      var t = state.tokens[Number(rows[i].getAttribute('data-index'))]
      if (!t) continue
      var st = tokenStatus(t)
      var badge = rows[i].querySelector('.status')
      badge.textContent = st
      badge.className = 'badge status ' + st
      rows[i].setAttribute('data-status', st)
      rows[i].querySelector('.left').textContent = timeLeft(t)
    }
  }

  function pretty(v) { return JSON.stringify(v, null, 2) }

  function tokenKey(t) { return (t.claims.jti || '') + '|' + t.signedAt }

  function renderTokens() {
    var box = $('tokens')
    // Keep the rows someone opened open across refreshes.
    var open = {}
    Array.prototype.forEach.call(box.querySelectorAll('.token[open]'), function (d) { open[d.getAttribute('data-key')] = true })
    box.textContent = ''
    $('tokens-count').textContent = state.tokens.length ? state.tokens.length + ' (newest first; decoded — the sandbox keeps no token strings)' : ''
    if (!state.tokens.length) { box.appendChild(el('div', { className: 'empty', text: 'No token issued yet.' })); return }
    var head = el('div', { className: 'token-head' })
    ;['status', 'vendor', 'env', 'jti', 'subject', 'expires (UTC)', 'time left'].forEach(function (h) { head.appendChild(el('span', { text: h })) })
    box.appendChild(head)
    for (var i = state.tokens.length - 1; i >= 0; i--) {
      var t = state.tokens[i], c = t.claims
      var subject = c.clientId || c.sub || c.client_id || ''
      var row = el('details', { className: 'token', 'data-index': String(i), 'data-jti': c.jti || '', 'data-key': tokenKey(t), open: open[tokenKey(t)] ? '' : null },
        el('summary', null,
          el('span', null, el('span', { className: 'badge status ' + t.status, text: t.status })),
          el('strong', { text: t.vendor || '—', title: t.vendor ? 'issued by ' + t.path : 'no journal entry names this token (signed in-process, or not a token the vendor hands out)' }),
          el('span', null, t.environment ? el('span', { className: 'badge env', text: t.environment }) : el('span', { className: 'muted', text: '—' })),
          el('span', { className: 'mono', title: 'jti', text: c.jti ? String(c.jti) : '(no jti)' }),
          el('span', { className: 'mono', title: 'subject', text: String(subject) }),
          el('span', { className: 'mono', title: 'expires', text: t.expiresAt ? t.expiresAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '' }),
          el('span', { className: 'left mono', title: 'time left by the sandbox clock', text: timeLeft(t) })),
        el('div', { className: 'body' },
          el('div', null, el('div', { className: 'muted', text: 'header' }), el('pre', { className: 'header', text: pretty(t.header) })),
          el('div', null, el('div', { className: 'muted', text: 'claims' + (t.path ? ' — issued by ' + t.path : '') + ' at ' + t.signedAt }),
            el('pre', { className: 'claims', text: pretty(c) }))))
      box.appendChild(row)
    }
    tick()
  }

  function table(rows) {
    var cols = []
    rows.forEach(function (r) { if (r && typeof r === 'object') Object.keys(r).forEach(function (k) { if (cols.indexOf(k) < 0) cols.push(k) }) })
    cols = cols.slice(0, 8)
    var head = el('tr')
    cols.forEach(function (k) { head.appendChild(el('th', { text: k })) })
    var body = el('tbody')
    rows.forEach(function (r) {
      var tr = el('tr')
      cols.forEach(function (k) {
        var v = r ? r[k] : undefined
        var cell = el('td', { className: 'mono' })
        if (k === 'environment' && typeof v === 'string') cell.appendChild(el('span', { className: 'badge env', text: v }))
        else cell.textContent = v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)
        tr.appendChild(cell)
      })
      body.appendChild(tr)
    })
    return el('table', null, el('thead', null, head), body)
  }

  function renderValue(data) {
    // A list answer ({ keys: [...] }, { accounts: [...] }, or a bare array) becomes tables.
    var wrap = el('div')
    if (Array.isArray(data)) { wrap.appendChild(data.length ? table(data) : el('div', { className: 'empty', text: 'none' })); return wrap }
    if (data && typeof data === 'object') {
      Object.keys(data).forEach(function (k) {
        if (Array.isArray(data[k])) {
          wrap.appendChild(el('div', { className: 'muted', text: k + ' (' + data[k].length + ')' }))
          wrap.appendChild(data[k].length ? table(data[k]) : el('div', { className: 'empty', text: 'none' }))
        } else wrap.appendChild(el('pre', { text: k + ': ' + JSON.stringify(data[k]) }))
      })
      return wrap
    }
    wrap.appendChild(el('pre', { text: JSON.stringify(data) }))
    return wrap
  }

  function firstArray(data) {
    if (Array.isArray(data)) return data
    if (data && typeof data === 'object') for (var k in data) if (Array.isArray(data[k])) return data[k]
    return []
  }

  // A vendor's listings: every GET admin route without parameters, then each route with one
  // parameter whose parent is such a listing (/tenants/:tenant/accounts under /tenants), asked
  // for the parent's first rows.
  function loadListings(v) {
    var gets = v.adminRoutes.filter(function (rt) { return rt.method === 'GET' })
    var plain = gets.filter(function (rt) { return rt.path.indexOf('/:') < 0 })
    var get = function (path) {
      return api('GET', path.slice(base.length)).then(function (data) { return { path: path, data: data } }, function (err) { return { path: path, error: err.message } })
    }
    return Promise.all(plain.map(function (rt) { return get(rt.path) })).then(function (lists) {
      var nested = []
      gets.forEach(function (rt) {
        var m = /^(.*)\/:([A-Za-z_]+)(\/[^:]*)?$/.exec(rt.path)
        if (!m) return
        var parent = lists.filter(function (l) { return l.path === m[1] && !l.error })[0]
        if (!parent) return
        firstArray(parent.data).slice(0, 10).forEach(function (row) {
          var key = row && (row[m[2]] !== undefined ? row[m[2]] : row.id !== undefined ? row.id : row.name)
          if (typeof key === 'string' || typeof key === 'number') nested.push(get(m[1] + '/' + encodeURIComponent(String(key)) + (m[3] || '')))
        })
      })
      return Promise.all(nested).then(function (more) { return lists.concat(more) })
    })
  }

  function renderVendors(lists) {
    var box = $('vendors')
    box.textContent = ''
    state.verifyRoutes = {}
    state.vendors.forEach(function (v, vi) {
      var envs = []
      v.baseUrls.concat(v.prefixes).forEach(function (m) { if (m.environment && envs.indexOf(m.environment) < 0) envs.push(m.environment) })
      lists[vi].forEach(function (l) {
        firstArray(l.data).forEach(function (r) { if (r && typeof r.environment === 'string' && envs.indexOf(r.environment) < 0) envs.push(r.environment) })
      })
      var info = el('div', null, el('h3', { text: v.name }))
      var envLine = el('div', null, el('span', { className: 'muted', text: 'environments: ' }))
      envs.forEach(function (e) { envLine.appendChild(el('span', { className: 'badge env', text: e })); envLine.appendChild(document.createTextNode(' ')) })
      if (!envs.length) envLine.appendChild(el('span', { className: 'muted', text: '—' }))
      info.appendChild(envLine)
      info.appendChild(el('h4', { text: 'base URLs' }))
      var urls = el('table')
      v.prefixes.forEach(function (m) { urls.appendChild(el('tr', null, el('td', { text: m.environment || 'all envs' }), el('td', { className: 'mono', text: location.origin + m.base }))) })
      v.baseUrls.forEach(function (m) { urls.appendChild(el('tr', null, el('td', { text: (m.environment || 'all envs') + ' (msw)' }), el('td', { className: 'mono', text: m.base }))) })
      info.appendChild(urls)
      var listings = el('div', { className: 'listings' })
      lists[vi].forEach(function (l) {
        listings.appendChild(el('h4', { text: l.path.slice(base.length) }))
        listings.appendChild(l.error ? el('div', { className: 'empty', text: l.error }) : el('div', { className: 'scroll' }, renderValue(l.data)))
      })
      if (!lists[vi].length) listings.appendChild(el('div', { className: 'empty', text: 'This vendor has no listings in the sandbox surface.' }))
      box.appendChild(el('div', { className: 'vendor', 'data-vendor': v.name }, info, listings))
      v.adminRoutes.forEach(function (r) { if (r.method === 'POST' && /\/tokens\/verify$/.test(r.path)) state.verifyRoutes[v.name] = r.path.slice(base.length) })
    })
    var names = Object.keys(state.verifyRoutes)
    $('verify-section').hidden = names.length === 0
    var sel = $('verify-vendor'), current = sel.value
    sel.textContent = ''
    names.forEach(function (n) { sel.appendChild(el('option', { text: n, value: n })) })
    if (names.indexOf(current) >= 0) sel.value = current
  }

  function renderJournal(entries) {
    var body = document.querySelector('#journal tbody')
    body.textContent = ''
    $('journal-count').textContent = entries.length + ' shown (the journal keeps no bodies or secrets)'
    if (!entries.length) { body.appendChild(el('tr', null, el('td', { colspan: '10', className: 'empty', text: 'No request matches.' }))); return }
    for (var i = entries.length - 1; i >= 0; i--) {
      var e = entries[i]
      body.appendChild(el('tr', { 'data-seq': String(e.seq), 'data-status': String(e.status) },
        el('td', { className: 'mono', text: String(e.seq) }),
        el('td', { className: 'mono', text: e.at.replace('T', ' ').replace('Z', '') }),
        el('td', { text: e.vendor }),
        el('td', null, e.environment ? el('span', { className: 'badge env', text: e.environment }) : ''),
        el('td', { className: 'mono', text: e.method }),
        el('td', { className: 'mono', text: e.path }),
        el('td', null, el('span', { className: 'badge s' + String(e.status).charAt(0), text: String(e.status) })),
        el('td', { className: 'mono', text: String(e.durationMs) }),
        el('td', { text: e.reason || '' }),
        el('td', { className: 'mono meta', text: e.meta ? JSON.stringify(e.meta) : '' })))
    }
  }

  function filterQuery() {
    var q = new URLSearchParams()
    var add = function (k, id) { var v = $(id).value.trim(); if (v) q.set(k, v) }
    add('vendor', 'f-vendor'); add('environment', 'f-environment'); add('method', 'f-method'); add('status', 'f-status'); add('path', 'f-path'); add('limit', 'f-limit')
    return q.toString()
  }

  var refreshing = null
  var last = { journal: null, tokens: null, vendors: null }
  var queued = null
  function refresh() {
    // One at a time; a refresh asked for during another runs after it, so it sees what the
    // action before it changed.
    if (refreshing) {
      queued = queued || refreshing.then(function () { queued = null; return refresh() })
      return queued
    }
    refreshing = Promise.all([api('GET', '/health'), api('GET', '/vendors'), api('GET', '/tokens'), api('GET', '/requests?' + filterQuery())])
      .then(function (r) {
        var health = r[0]
        state.clock = health.clock
        state.clockAt = performance.now()
        renderClock()
        state.vendors = r[1].vendors
        state.tokens = r[2].tokens
        var fv = $('f-vendor'), chosen = fv.value
        while (fv.options.length > 1) fv.remove(1)
        health.vendors.forEach(function (n) { fv.appendChild(el('option', { text: n, value: n })) })
        fv.value = chosen
        // Re-render only what changed, so open rows and scroll positions stay put.
        var journalJson = JSON.stringify(r[3].requests), tokensJson = JSON.stringify(r[2].tokens)
        if (journalJson !== last.journal) { last.journal = journalJson; renderJournal(r[3].requests) }
        if (tokensJson !== last.tokens) { last.tokens = tokensJson; renderTokens() }
        // Each vendor's own listings (keys, accounts, ...) fill its card.
        return Promise.all(state.vendors.map(loadListings)).then(function (lists) {
          var listsJson = JSON.stringify([state.vendors, lists])
          if (listsJson !== last.vendors) { last.vendors = listsJson; renderVendors(lists) }
        })
      })
      .then(function () { showError(null); document.body.setAttribute('data-loaded', String(Date.now())) }, showError)
      .then(function () { refreshing = null })
    return refreshing
  }

  function act(method, path, body) {
    return api(method, path, body).then(function () { return refresh() }, showError)
  }

  $('freeze').onclick = function () { act('POST', '/clock/freeze', {}) }
  $('unfreeze').onclick = function () { act('POST', '/clock/unfreeze') }
  $('clock-reset').onclick = function () { act('POST', '/clock/reset') }
  $('advance').onclick = function () { act('POST', '/clock/advance', { by: $('advance-by').value.trim() }) }
  Array.prototype.forEach.call(document.querySelectorAll('[data-advance]'), function (b) {
    b.onclick = function () { act('POST', '/clock/advance', { by: b.getAttribute('data-advance') }) }
  })
  $('reset').onclick = function () { act('POST', '/reset') }
  $('refresh').onclick = function () { refresh() }
  $('filters').onsubmit = function (ev) { ev.preventDefault(); refresh() }
  $('f-clear').onclick = function () { $('filters').reset(); refresh() }
  $('verify-form').onsubmit = function (ev) {
    ev.preventDefault()
    var vendor = $('verify-vendor').value, body = { token: $('verify-token').value.trim() }
    var ref = $('verify-referrer').value.trim(), app = $('verify-appid').value.trim()
    if (ref) body.referrer = ref
    if (app) body.appId = app
    var out = $('verify-result')
    api('POST', state.verifyRoutes[vendor], body).then(function (v) {
      out.textContent = ''
      out.appendChild(el('div', null, el('span', { className: 'badge ' + (v.accepted ? 'active' : 'expired'), text: v.verdict }), ' ' + v.message))
      out.appendChild(el('pre', { text: pretty(v) }))
    }, function (err) { out.textContent = err.message })
  }

  setInterval(tick, 1000)
  setInterval(function () { if ($('live').checked && !document.hidden) refresh() }, 2000)
  refresh()
})()
</script>
</body>
</html>
`
