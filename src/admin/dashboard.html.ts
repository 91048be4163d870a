// The dashboard page served at GET /__sandbox/: plain HTML, one inline style and one inline
// script (./dashboard-script.ts), no build step. It reads the admin API only (same origin). Kept
// as strings so no file is read at run time. String.raw keeps backslashes as written; the
// markup below has no backticks and no "${" apart from the page's own slots.
import { jsonForScriptElement, type DashboardConfig } from './dashboard-config.ts'
import { dashboardScript } from './dashboard-script.ts'

export { dashboardConfig } from './dashboard-config.ts'

const style = String.raw`
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
  td.meta { min-width: 280px; width: 34%; }
  .kv { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0 8px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
  .kv > .k { color: var(--muted); }
  .kv > .v { overflow-wrap: anywhere; white-space: pre-wrap; }
  .filters { margin-bottom: 8px; }
  .note { color: var(--muted); margin: 6px 0 0; }
  .fault-forms { display: grid; gap: 10px; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); margin-top: 10px; }
  .fault-forms form { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; display: grid; gap: 6px; align-content: start; }
  .fault-forms textarea { width: 100%; min-height: 86px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
  .form-error { color: var(--bad); }
  .form-error:empty { display: none; }
  #verify-result { margin-top: 8px; }
  #faults-active { background: var(--bad-bg); color: var(--bad); }
  .badge.off { background: #f2f4f7; color: var(--muted); }
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
`

const body = String.raw`<body>
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
  <span class="badge" id="faults-active" hidden></span>
</header>
<main>
  <div id="error" role="alert"></div>

  <section id="tokens-section">
    <h2>Issued tokens <small id="tokens-count"></small></h2>
    <div id="tokens"><div class="empty">Loading…</div></div>
  </section>

  <section id="faults-section">
    <h2>Faults <small id="faults-count"></small></h2>
    <div id="faults"><div class="empty">Loading…</div></div>
    <div class="controls"><button id="faults-clear" class="danger" type="button">Clear all faults</button></div>
    <div class="fault-forms">
      <form id="fault-form">
        <strong>Add a fault</strong>
        <div class="controls">
          <select id="fault-vendor" aria-label="fault vendor"><option value="">any vendor</option></select>
          <select id="fault-method" aria-label="fault method"><option value="">any method</option><option>GET</option><option>POST</option><option>PUT</option><option>PATCH</option><option>DELETE</option></select>
          <input id="fault-path" size="22" placeholder="path contains, e.g. /v1/tokens" aria-label="fault path">
        </div>
        <div class="controls">
          <label>times <input id="fault-times" type="number" min="1" value="1" size="5" aria-label="fault times"></label>
          <label>status <input id="fault-status" type="number" min="400" max="599" size="5" placeholder="503" aria-label="fault status"></label>
          <label>delay ms <input id="fault-delay" type="number" min="0" size="7" aria-label="fault delay ms"></label>
          <label><input id="fault-drop" type="checkbox"> drop the connection</label>
          <button class="primary" type="submit">Add</button>
        </div>
        <div class="form-error" id="fault-form-error" role="alert"></div>
      </form>
      <form id="fault-json-form">
        <strong>Add a rule as JSON <small class="muted">posted as is to POST /__sandbox/faults</small></strong>
        <textarea id="fault-json" aria-label="fault rule JSON" spellcheck="false">{ "vendor": "complycube", "path": "/v1/tokens", "status": 503 }</textarea>
        <div class="controls"><button class="primary" type="submit">Add JSON rule</button></div>
        <div class="form-error" id="fault-json-error" role="alert"></div>
      </form>
    </div>
  </section>

  <section id="journal-section">
    <h2>Requests <small id="journal-count"></small></h2>
    <form id="filters" class="controls filters">
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
      <tbody><tr><td colspan="10" class="empty">Loading…</td></tr></tbody>
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
    <div id="verify-result"></div>
  </section>


  <section id="rate-limits-section">
    <h2>Rate limits <small>the setting in force, per vendor and environment</small></h2>
    <div class="controls"><span class="badge" id="rate-limits-status">…</span>
      <button type="button" id="rate-limits-toggle" disabled>…</button></div>
    <div id="rate-limits"><div class="empty">Loading…</div></div>
    <p class="note">While enforced, a request over its window's limit (windows of the sandbox clock) gets the vendor's own 429.
      The server starts with each vendor's documented limits, enforced with <code>--rate-limits</code> or a config file's
      <code>rateLimits</code> (which may also override them); <em>Reset sandbox</em> puts that start-up setting back.
      Other limits: <code>POST /__sandbox/rate-limits</code>.</p>
  </section>

  <section id="vendors-section">
    <h2>Vendors <small>environments, base URLs, and each vendor's own listings (keys, accounts, …)</small></h2>
    <div class="vendors" id="vendors"><div class="empty">Loading…</div></div>
  </section>
</main>
`

/** The page, its style and script marked with `nonce` (the policy's), `config` inlined as JSON. */
export function dashboardPage(nonce: string, config: DashboardConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>token-sandbox dashboard</title>
<style nonce="${nonce}">${style}</style>
</head>
${body}
<script type="application/json" id="dashboard-config">${jsonForScriptElement(config)}</script>
<script nonce="${nonce}">${dashboardScript}</script>
</body>
</html>
`
}
