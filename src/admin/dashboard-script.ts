// The dashboard page's script, as the browser runs it (plain ES5-style JavaScript, no build):
// ./dashboard.html.ts puts it in the page with the policy's nonce. Everything it shows from the
// admin API goes in as text (textContent, text nodes), never as markup; characters a renderer
// acts on (bidi and other controls) are written out as \uXXXX first, with ../core/shown.ts's
// patterns read from the page's JSON config. String.raw keeps backslashes as written; the
// script uses no backticks and no "${".
export const dashboardScript = String.raw`
(function () {
  'use strict'
  // The admin API lives under the path this page is served at (normally /__sandbox).
  var base = location.pathname.replace(/\/+$/, '')
  var config = JSON.parse(document.getElementById('dashboard-config').textContent)
  var state = { clock: null, clockAt: 0, tokens: [], vendors: [], verifyRoutes: {}, rateLimitsEnabled: false }
  var $ = function (id) { return document.getElementById(id) }

  // ../core/shown.ts in the browser: the same characters, written the same way.
  var SHOWN = new RegExp(config.shown.text, 'gu'), SHOWN_JSON = new RegExp(config.shown.json, 'g')
  var escapeOne = function (c) { return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4) }
  function shown(s) { return String(s).replace(SHOWN, escapeOne) }
  function json(v, indent) { return JSON.stringify(v, null, indent).replace(SHOWN_JSON, escapeOne) }
  function pretty(v) { return json(v, 2) }

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

  // raw: a string sent as the body as it is (the JSON fault form), not re-encoded.
  function api(method, path, body, raw) {
    var init = { method: method, headers: {} }
    // The admin API takes state changes only as application/json, body or not.
    if (method !== 'GET') init.headers['content-type'] = 'application/json'
    if (raw !== undefined) init.body = raw
    else if (body !== undefined) init.body = JSON.stringify(body)
    return fetch(base + path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null
        try { data = text ? JSON.parse(text) : null } catch (e) { data = null }
        if (!res.ok) {
          var err = new Error(method + ' ' + path + ': ' + res.status + ' ' + (data && data.error ? data.error.message : text))
          err.apiMessage = data && data.error && typeof data.error.message === 'string' ? data.error.message : res.status + ' ' + text
          throw err
        }
        return data
      })
    })
  }

  function showError(err) {
    var box = $('error')
    if (!err) { box.style.display = 'none'; box.textContent = ''; return }
    box.style.display = 'block'
    box.textContent = 'The sandbox did not answer: ' + shown(err && err.message ? err.message : String(err))
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

  function tokenKey(t) { return (t.claims.jti || '') + '|' + t.signedAt }

  // Whom a token is for: the claims its vendor declares (tokenSubject), else sub.
  function subjectOf(t) {
    var v = t.vendor && Object.prototype.hasOwnProperty.call(config.vendors, t.vendor) ? config.vendors[t.vendor] : null
    var names = v ? v.tokenSubject : ['sub']
    for (var i = 0; i < names.length; i++) {
      var c = t.claims[names[i]]
      if (typeof c === 'string' || typeof c === 'number') return String(c)
    }
    return ''
  }

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
      var row = el('details', { className: 'token', 'data-index': String(i), 'data-jti': c.jti || '', 'data-key': tokenKey(t), open: open[tokenKey(t)] ? '' : null },
        el('summary', null,
          el('span', null, el('span', { className: 'badge status ' + t.status, text: t.status })),
          el('strong', { text: t.vendor || '—', title: t.vendor ? 'issued by ' + shown(t.path) : 'no journal entry names this token (signed in-process, or not a token the vendor hands out)' }),
          el('span', null, t.environment ? el('span', { className: 'badge env', text: shown(t.environment) }) : el('span', { className: 'muted', text: '—' })),
          el('span', { className: 'mono', title: 'jti', text: c.jti ? shown(c.jti) : '(no jti)' }),
          el('span', { className: 'mono subject', title: 'subject', text: shown(subjectOf(t)) }),
          el('span', { className: 'mono', title: 'expires', text: t.expiresAt ? t.expiresAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '' }),
          el('span', { className: 'left mono', title: 'time left by the sandbox clock', text: timeLeft(t) })),
        el('div', { className: 'body' },
          el('div', null, el('div', { className: 'muted', text: 'header' }), el('pre', { className: 'header', text: pretty(t.header) })),
          el('div', null, el('div', { className: 'muted', text: 'claims' + (t.path ? ' — issued by ' + shown(t.path) : '') + ' at ' + t.signedAt }),
            el('pre', { className: 'claims', text: pretty(c) }))))
      box.appendChild(row)
    }
    tick()
  }

  // A value as one line of text: strings as they are (escaped), anything else as JSON.
  function valueText(v) { return v === undefined ? '' : typeof v === 'string' ? shown(v) : json(v) }

  function table(rows) {
    var cols = []
    rows.forEach(function (r) { if (r && typeof r === 'object') Object.keys(r).forEach(function (k) { if (cols.indexOf(k) < 0) cols.push(k) }) })
    cols = cols.slice(0, 8)
    var head = el('tr')
    cols.forEach(function (k) { head.appendChild(el('th', { text: shown(k) })) })
    var body = el('tbody')
    rows.forEach(function (r) {
      var tr = el('tr')
      cols.forEach(function (k) {
        var v = r ? r[k] : undefined
        var cell = el('td', { className: 'mono' })
        if (k === 'environment' && typeof v === 'string') cell.appendChild(el('span', { className: 'badge env', text: shown(v) }))
        else cell.textContent = valueText(v)
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
          wrap.appendChild(el('div', { className: 'muted', text: shown(k) + ' (' + data[k].length + ')' }))
          wrap.appendChild(data[k].length ? table(data[k]) : el('div', { className: 'empty', text: 'none' }))
        } else wrap.appendChild(el('pre', { text: shown(k) + ': ' + json(data[k]) }))
      })
      return wrap
    }
    wrap.appendChild(el('pre', { text: json(data) }))
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
      envs.forEach(function (e) { envLine.appendChild(el('span', { className: 'badge env', text: shown(e) })); envLine.appendChild(document.createTextNode(' ')) })
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
        listings.appendChild(l.error ? el('div', { className: 'empty', text: shown(l.error) }) : el('div', { className: 'scroll' }, renderValue(l.data)))
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

  // Meta as "key: value" lines; nested objects (token: { jti, exp }) as dotted keys.
  function metaLines(meta, prefix, out) {
    Object.keys(meta).forEach(function (k) {
      var v = meta[k], key = prefix + k
      if (v && typeof v === 'object' && !Array.isArray(v) && prefix.split('.').length < 4) metaLines(v, key + '.', out)
      else out.push([key, valueText(v)])
    })
    return out
  }

  function kv(lines) {
    var box = el('div', { className: 'kv' })
    lines.forEach(function (l) { box.appendChild(el('span', { className: 'k', text: shown(l[0]) + ':' })); box.appendChild(el('span', { className: 'v', text: l[1] })) })
    return box
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
        el('td', { text: shown(e.vendor) }),
        el('td', null, e.environment ? el('span', { className: 'badge env', text: shown(e.environment) }) : ''),
        el('td', { className: 'mono', text: shown(e.method) }),
        el('td', { className: 'mono', text: shown(e.path) }),
        el('td', null, el('span', { className: 'badge s' + String(e.status).charAt(0), text: String(e.status) })),
        el('td', { className: 'mono', text: String(e.durationMs) }),
        el('td', { text: e.reason ? shown(e.reason) : '' }),
        el('td', { className: 'meta' }, e.meta ? kv(metaLines(e.meta, '', [])) : null)))
    }
  }

  // A fault rule as the admin API lists it, whatever fields it has: which requests it matches,
  // what it does to them, and its counters. Every field but the counters is shown, with its
  // name; one this page does not know (a newer sandbox's) goes with the effect. Left out: null
  // (not set) but a body field's null value, and the defaults (no delay, no drop, no headers,
  // path contained).
  var FAULT_MATCH = ['vendor', 'environment', 'method', 'path', 'pathMatch', 'bodyField', 'bodyEquals', 'header', 'headerEquals']
  var FAULT_OWN = ['id', 'remaining', 'hits']
  function unset(k, v, f) {
    if (v === undefined || (v === null && !(k === 'bodyEquals' && f.bodyField))) return true
    if (k === 'drop') return v === false
    if (k === 'delayMs') return v === 0
    if (k === 'pathMatch') return v === 'contains'
    return k === 'headers' && v !== null && typeof v === 'object' && Object.keys(v).length === 0
  }
  function faultParts(f) {
    var match = [], effect = []
    Object.keys(f).forEach(function (k) {
      var v = f[k]
      if (FAULT_OWN.indexOf(k) >= 0 || unset(k, v, f)) return
      ;(FAULT_MATCH.indexOf(k) >= 0 || /^match/i.test(k) ? match : effect).push([k, valueText(v)])
    })
    return { match: match, effect: effect }
  }

  function renderFaults(faults) {
    var box = $('faults')
    box.textContent = ''
    $('faults-count').textContent = faults.length ? faults.length + ' in force, applied in order' : ''
    var badge = $('faults-active')
    badge.hidden = faults.length === 0
    badge.textContent = faults.length + (faults.length === 1 ? ' fault active' : ' faults active')
    $('faults-clear').disabled = faults.length === 0
    if (!faults.length) { box.appendChild(el('div', { className: 'empty', text: 'No fault in force: every request gets the simulation\'s answer.' })); return }
    var head = el('tr')
    ;['id', 'match', 'effect', 'remaining', 'hits', ''].forEach(function (h) { head.appendChild(el('th', { text: h })) })
    var body = el('tbody')
    faults.forEach(function (f) {
      var parts = faultParts(f)
      var remove = el('button', { type: 'button', className: 'danger remove', text: 'Remove' })
      remove.onclick = function () { act('POST', '/faults/' + encodeURIComponent(String(f.id)) + '/remove') }
      body.appendChild(el('tr', { className: 'fault', 'data-id': String(f.id) },
        el('td', { className: 'mono', text: shown(f.id) }),
        el('td', { className: 'match' }, parts.match.length ? kv(parts.match) : el('span', { className: 'muted', text: 'every request' })),
        el('td', { className: 'effect' }, kv(parts.effect)),
        el('td', { className: 'mono remaining', text: valueText(f.remaining) }),
        el('td', { className: 'mono hits', text: valueText(f.hits) }),
        el('td', null, remove)))
    })
    box.appendChild(el('div', { className: 'scroll' }, el('table', { id: 'faults-table' }, el('thead', null, head), body)))
  }

  // The setting GET /__sandbox/rate-limits answers: whether it is enforced (with the toggle) and the limits.
  function renderRateLimits(setting) {
    state.rateLimitsEnabled = setting.enabled
    var status = $('rate-limits-status'), toggle = $('rate-limits-toggle')
    status.textContent = setting.enabled ? 'enforced' : 'not enforced'
    status.className = 'badge ' + (setting.enabled ? 'active' : 'off')
    toggle.textContent = setting.enabled ? 'Stop enforcing' : 'Enforce'
    toggle.disabled = false
    var box = $('rate-limits')
    box.textContent = ''
    if (!setting.limits.length) { box.appendChild(el('div', { className: 'empty', text: 'No limit is set: no request is refused for its rate.' })); return }
    var body = el('tbody')
    setting.limits.forEach(function (l) {
      body.appendChild(el('tr', { 'data-vendor': shown(l.vendor), 'data-environment': shown(l.environment) },
        el('td', { text: shown(l.vendor) }), el('td', null, el('span', { className: 'badge env', text: shown(l.environment) })),
        el('td', { className: 'mono', text: l.requests + ' requests / ' + (l.perMs % 1000 === 0 ? l.perMs / 1000 + ' s' : l.perMs + ' ms') })))
    })
    box.appendChild(el('table', { id: 'rate-limits-table' }, el('thead', null, el('tr', null, el('th', { text: 'vendor' }), el('th', { text: 'environment' }), el('th', { text: 'limit' }))), body))
  }

  function filterQuery() {
    var q = new URLSearchParams()
    var add = function (k, id) { var v = $(id).value.trim(); if (v) q.set(k, v) }
    add('vendor', 'f-vendor'); add('environment', 'f-environment'); add('method', 'f-method'); add('status', 'f-status'); add('path', 'f-path'); add('limit', 'f-limit')
    return q.toString()
  }

  function fillVendorSelect(sel, names) {
    var chosen = sel.value
    while (sel.options.length > 1) sel.remove(1)
    names.forEach(function (n) { sel.appendChild(el('option', { text: n, value: n })) })
    sel.value = names.indexOf(chosen) >= 0 ? chosen : ''
  }

  var refreshing = null
  var last = { journal: null, tokens: null, vendors: null, faults: null, rateLimits: null }
  var queued = null
  // Everything is asked for at once (the vendors' listings as soon as the vendor list is in) and
  // shown in one go, so no section fills in after the others.
  function refresh() {
    // One at a time; a refresh asked for during another runs after it, so it sees what the
    // action before it changed.
    if (refreshing) {
      queued = queued || refreshing.then(function () { queued = null; return refresh() })
      return queued
    }
    var vendorsAndListings = api('GET', '/vendors').then(function (r) {
      return Promise.all(r.vendors.map(loadListings)).then(function (lists) { return { vendors: r.vendors, lists: lists } })
    })
    refreshing = Promise.all([api('GET', '/health'), vendorsAndListings, api('GET', '/tokens'), api('GET', '/requests?' + filterQuery()), api('GET', '/faults'), api('GET', '/rate-limits')])
      .then(function (r) {
        var health = r[0]
        state.clock = health.clock
        state.clockAt = performance.now()
        renderClock()
        state.vendors = r[1].vendors
        state.tokens = r[2].tokens
        fillVendorSelect($('f-vendor'), health.vendors)
        fillVendorSelect($('fault-vendor'), health.vendors)
        // Re-render only what changed, so open rows and scroll positions stay put.
        var journalJson = JSON.stringify(r[3].requests), tokensJson = JSON.stringify(r[2].tokens), faultsJson = JSON.stringify(r[4].faults)
        var listsJson = JSON.stringify([r[1].vendors, r[1].lists])
        if (journalJson !== last.journal) { last.journal = journalJson; renderJournal(r[3].requests) }
        if (tokensJson !== last.tokens) { last.tokens = tokensJson; renderTokens() }
        if (faultsJson !== last.faults) { last.faults = faultsJson; renderFaults(r[4].faults) }
        var rateLimitsJson = JSON.stringify(r[5])
        if (rateLimitsJson !== last.rateLimits) { last.rateLimits = rateLimitsJson; renderRateLimits(r[5]) }
        if (listsJson !== last.vendors) { last.vendors = listsJson; renderVendors(r[1].lists) }
      })
      .then(function () { showError(null); document.body.setAttribute('data-loaded', String(Date.now())) }, showError)
      .then(function () { refreshing = null })
    return refreshing
  }

  function act(method, path, body) {
    return api(method, path, body).then(function () { return refresh() }, showError)
  }

  // Adds a fault rule; the API's one-line refusal goes under the form that sent it.
  function addFault(body, raw, errorBox) {
    errorBox.textContent = ''
    return api('POST', '/faults', body, raw).then(function () { return refresh() }, function (err) {
      errorBox.textContent = shown(err.apiMessage || err.message)
    })
  }

  function faultFromForm() {
    var rule = {}
    var text = function (key, id) { var v = $(id).value.trim(); if (v) rule[key] = v }
    // A number field as typed: a number when it reads as one, else the text, for the API to refuse.
    var number = function (key, id) { var v = $(id).value.trim(); if (v) rule[key] = isFinite(Number(v)) ? Number(v) : v }
    text('vendor', 'fault-vendor'); text('method', 'fault-method'); text('path', 'fault-path')
    number('times', 'fault-times'); number('status', 'fault-status'); number('delayMs', 'fault-delay')
    if ($('fault-drop').checked) rule.drop = true
    return rule
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
  $('fault-form').onsubmit = function (ev) { ev.preventDefault(); addFault(faultFromForm(), undefined, $('fault-form-error')) }
  $('fault-json-form').onsubmit = function (ev) { ev.preventDefault(); addFault(undefined, $('fault-json').value, $('fault-json-error')) }
  $('faults-clear').onclick = function () { act('POST', '/faults/clear') }
  $('rate-limits-toggle').onclick = function () { act('POST', '/rate-limits', { enabled: !state.rateLimitsEnabled }) }
  $('verify-form').onsubmit = function (ev) {
    ev.preventDefault()
    var vendor = $('verify-vendor').value, body = { token: $('verify-token').value.trim() }
    var ref = $('verify-referrer').value.trim(), app = $('verify-appid').value.trim()
    if (ref) body.referrer = ref
    if (app) body.appId = app
    var out = $('verify-result')
    api('POST', state.verifyRoutes[vendor], body).then(function (v) {
      out.textContent = ''
      out.appendChild(el('div', null, el('span', { className: 'badge ' + (v.accepted ? 'active' : 'expired'), text: shown(v.verdict) }), ' ' + shown(v.message)))
      out.appendChild(el('pre', { text: pretty(v) }))
    }, function (err) { out.textContent = shown(err.message) })
  }

  setInterval(tick, 1000)
  setInterval(function () { if ($('live').checked && !document.hidden) refresh() }, 2000)
  refresh()
})()
`
