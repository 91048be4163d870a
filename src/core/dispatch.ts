// Resolves a request to a mount (a vendor's real base URL, or a path prefix on the standalone
// server), then to a route, and runs it. Failures found before the handler runs are answered
// with the owning service's error builders, so every answer has the vendor's shape.
import { parseJsonBody } from './body.ts'
import { injectFault } from './faults.ts'
import { createRouter, type Router } from './router.ts'
import type { Core, ErrorBuilders, Route, RouteContext, Service } from './service.ts'
import type { VendorMount } from './vendor.ts'
import type { SandboxRequest, SandboxResponse } from './types.ts'
import type { JournalRecord } from './journal.ts'
import { isLargeRequest } from './journal-entry.ts'
import { quote } from './clip.ts'
import { headAnswer } from './head.ts'
import { withReason } from './reason-header.ts'
import { logInternalError } from './report.ts'
import { trimTrailingSlashes } from './paths.ts'

/**
 * A mount as the dispatcher holds it: a VendorMount (./vendor.ts) bound to the service that
 * answers it (a vendor's, or the sandbox's admin API). A handler sees it as `ctx.mount`.
 */
export interface Mount extends Omit<VendorMount, 'vendor' | 'browserFacing'> {
  service: Service<unknown>
}

interface CompiledMount {
  mount: Mount
  api: string | null
  origin: string | null
  prefix: string
  router: Router<unknown>
}

export interface Dispatcher {
  handle(req: SandboxRequest): Promise<SandboxResponse>
  /** The mount a URL falls under, or null. */
  resolve(url: URL): Mount | null
  /** The largest body the route of this method and URL takes: what a transport reads before handing the request over. */
  bodyLimitFor(method: string, url: URL): number
  /** For a URL under one of a mount's `assets` paths: the file's path below the mount (`/tfmodel/…/model.json`); null otherwise. */
  assetPath(url: URL): string | null
  /** The error builders of the service a URL falls under (the fallback's when no mount takes it). */
  errorsFor(url: URL): ErrorBuilders
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])
/** The answer to a request whose client is gone: none (the transport closes the connection). */
/** The reason header of an internal error (its message is in the journal, behind the admin API's guard). */
const INTERNAL_REASON = 'internal error: the message is in the journal'
const GONE: SandboxResponse = Object.freeze({ status: 0, headers: {}, drop: true })

/** What the 404 for a static asset path says (in-process these pass through to the network). */
const ASSET_NOTE =
  "a static file on the vendor's host, not an API path: token-sandbox serves such files only from a folder given to `token-sandbox serve --assets DIR` (in-process they go to the network)"

/** The path below a mount: what the vendor's own API calls it (`/tokens` under ComplyCube's `/v1`). */
const subPath = (c: { prefix: string }, url: URL) => url.pathname.slice(c.prefix.length) || '/'

/** Whether `sub` is one of `assets` or below it (`/tfmodel` takes `/tfmodel/x`, not `/tfmodelx`). */
const isAssetPath = (assets: readonly string[] | undefined, sub: string) =>
  assets !== undefined && assets.some((a) => sub.startsWith(a) && (sub.length === a.length || sub.charCodeAt(a.length) === 47))

/** One request's context: a class, so a request allocates one object and no closures. */
class Context implements RouteContext<unknown> {
  params: Record<string, string> = {}
  route!: Route<unknown>
  locals: Record<string, unknown> = {}
  body: unknown = undefined
  state: unknown
  reason: string | undefined = undefined
  facts: Record<string, unknown> | undefined = undefined
  /** The path below the mount (set once the mount is known): what fault rules' `exact`/`prefix` compare. */
  subPath = ''
  /** The id of the fault rule that applied, for the journal entry. */
  fault: string | undefined = undefined
  /** The method as the client sent it: `req.method` is GET for a HEAD request (what fault rules compare). */
  requestMethod = ''

  /** Set when the answer is the 404 for a path the sandbox does not simulate (credential accepted): fault rules still apply. */
  unsimulated = false
  constructor(
    readonly req: SandboxRequest,
    readonly service: Service<unknown>,
    readonly core: Core,
    public environment: string | null,
    readonly mount: Mount,
  ) {
    this.state = service.state
  }
  /** URLSearchParams is built on first use: most routes never read the query. */
  get query(): URLSearchParams {
    return this.req.url.searchParams
  }
  refuse(reason: string): void {
    this.reason = reason
  }
  /** Takes ownership of `facts` (callers pass a fresh literal): later facts are merged into it. */
  meta(facts: Record<string, unknown>): void {
    if (this.facts) Object.assign(this.facts, facts)
    else this.facts = facts
  }
}

export function createDispatcher(core: Core, mounts: Mount[], fallback: Service<unknown>): Dispatcher {
  const report = core.onError ?? logInternalError
  // A request no mount took is the fallback service's 404.
  const unmounted: Mount = { base: '', environment: null, service: fallback }
  // One router per service and API: a mount of CAF's BFF host matches only BFF routes.
  const routers = new Map<Service<unknown>, Map<string | null, Router<unknown>>>()
  const routerFor = (s: Service<unknown>, api: string | null) => {
    let byApi = routers.get(s)
    if (!byApi) routers.set(s, (byApi = new Map()))
    let r = byApi.get(api)
    if (!r) byApi.set(api, (r = createRouter(api === null ? s.routes : s.routes.filter((route) => route.api === api))))
    return r
  }
  const compiled: CompiledMount[] = mounts
    .map((mount) => {
      const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(mount.base)
      const u = absolute ? new URL(mount.base) : null
      const prefix = trimTrailingSlashes(u ? u.pathname : mount.base)
      const api = mount.api ?? null
      return { mount, api, origin: u ? u.origin : null, prefix, router: routerFor(mount.service, api) }
    })
    // Longest prefix first, so `/caf/beta` wins over `/caf`.
    .sort((a, b) => b.prefix.length - a.prefix.length)

  const find = (url: URL): CompiledMount | null => {
    const path = url.pathname
    // `url.origin` builds a new string on every read: read it once, and only for a mount whose
    // path already matches.
    let origin: string | undefined
    for (const c of compiled) {
      if (!(c.prefix === '' || (path.startsWith(c.prefix) && (path.length === c.prefix.length || path.charCodeAt(c.prefix.length) === 47)))) continue
      if (c.origin !== null && c.origin !== (origin ??= url.origin)) continue
      return c
    }
    return null
  }

  /**
   * What is answered before the handler runs (no mount, no route, refused credentials or body),
   * or null to go on with `ctx.route` set. Synchronous unless the service authenticates
   * asynchronously: on the hot path a request waits for its handler and nothing else.
   */
  const refuse = (req: SandboxRequest, c: CompiledMount | null, ctx: Context): SandboxResponse | null | Promise<SandboxResponse | null> => {
    const errors = ctx.service.errors
    // Error messages quote the method and path clipped: a 200 KB path is not echoed back.
    if (!c) return errors.notFound(quote(req.method), quote(req.url.pathname))
    // The path below the mount: what the vendor's own API calls it (`/tokens` under ComplyCube's
    // `/v1`), not the standalone server's prefix.
    const sub = subPath(c, req.url)
    ctx.subPath = sub
    if (isAssetPath(c.mount.assets, sub)) {
      ctx.refuse('static asset: not served by the sandbox')
      return errors.notFound(quote(req.method), quote(sub), ASSET_NOTE)
    }
    const m = c.router.match(req.method, sub)
    if (m.kind === 'not_found') {
      // A route of another of the vendor's APIs (CAF's BFF path on its Mobile API host) is still a 404 here.
      const elsewhere = c.api === null ? null : routerFor(ctx.service, null).match(req.method, sub)
      ctx.refuse(elsewhere?.kind === 'found' ? `no such route: ${elsewhere.route.path} is served by the ${elsewhere.route.api} API, not this host` : 'no such route')
      return notSimulated(req, c, ctx, sub)
    }
    if (m.kind === 'method_not_allowed') {
      ctx.refuse('method not allowed')
      return errors.methodNotAllowed(quote(req.method), quote(sub), m.allowed)
    }
    ctx.params = m.params
    ctx.route = m.route
    const refusal = ctx.service.authenticate?.(ctx) ?? null
    if (refusal instanceof Promise) return refusal.then((r) => r ?? readBody(req, ctx))
    return refusal ?? readBody(req, ctx)
  }

  /** Reads a body the transport left for the core to ask for (only now: every check that needs no body has passed), then checks it. */
  const readBody = (req: SandboxRequest, ctx: Context): SandboxResponse | null | Promise<SandboxResponse | null> => {
    if (!req.readBody) return checkBody(req, ctx)
    return req.readBody(ctx.route.bodyLimit ?? core.bodyLimit).then(
      (read) => {
        req.body = read.body
        if (read.tooLarge) req.bodyTooLarge = true
        if (read.budget !== undefined) req.bodyBudget = read.budget
        return checkBody(req, ctx)
      },
      () => {
        // The client went away mid-body: nobody to answer (a transport's drop), no internal error.
        ctx.refuse('connection closed before the body arrived')
        return GONE
      },
    )
  }

  /**
   * A path the sandbox does not simulate, on an API that authenticates: the vendor's verdict on
   * the credential first (what the real API answers a missing or wrong one with), and only then
   * a 404 in the vendor's shape saying the sandbox does not simulate the path.
   */
  const notSimulated = (req: SandboxRequest, c: CompiledMount, ctx: Context, sub: string): SandboxResponse | Promise<SandboxResponse> => {
    const service = ctx.service
    const answer = () => service.errors.notFound(quote(req.method), quote(sub), service.notSimulated?.note)
    if (!service.authenticate) {
      ctx.unsimulated = true
      return answer()
    }
    const reason = ctx.reason
    ctx.route = {
      ...service.notSimulated?.route(c.api),
      method: req.method as Route<unknown>['method'],
      path: sub,
      body: 'none',
      handler: answer,
    }
    const refusal = service.authenticate(ctx)
    const settle = (r: SandboxResponse | null) => {
      if (r) return r
      // Authenticated: the 404's reason again (authenticate may have recorded facts, not a refusal).
      ctx.refuse(reason ?? 'no such route')
      ctx.unsimulated = true
      return answer()
    }
    return refusal instanceof Promise ? refusal.then(settle) : settle(refusal)
  }

  const checkBody = (req: SandboxRequest, ctx: Context): SandboxResponse | null => {
    const errors = ctx.service.errors
    const route = ctx.route
    const limit = route.bodyLimit ?? core.bodyLimit
    if (req.bodyTooLarge || (req.body && req.body.length > limit)) {
      if (req.bodyBudget === undefined) {
        ctx.refuse('body too large')
        return errors.bodyTooLarge(limit)
      }
      ctx.refuse(`body not read: the ${req.bodyBudget} bytes the server holds of large bodies at once are in use`)
      return errors.bodyTooLarge(limit, req.bodyBudget)
    }
    const wantsJson = route.body ? route.body === 'json' : BODY_METHODS.has(req.method)
    if (wantsJson) {
      const parsed = parseJsonBody(req.body, req.headers['content-type'], limit)
      if (!parsed.ok) {
        ctx.refuse(`${parsed.problem}: ${parsed.detail}`)
        if (parsed.problem === 'too_large') return errors.bodyTooLarge(limit)
        if (parsed.problem === 'content_type') return errors.unsupportedContentType(req.headers['content-type'])
        if (parsed.problem === 'ill_formed') return errors.illFormedString(parsed.path)
        return errors.malformedJson(parsed.detail)
      }
      ctx.body = parsed.value
    }
    return null
  }

  const run = async (received: SandboxRequest, c: CompiledMount | null): Promise<SandboxResponse> => {
    const started = performance.now()
    // HEAD is run as GET, for every route of every service, and answered without the body (./head.ts).
    const req = received.method === 'HEAD' ? { ...received, method: 'GET' } : received
    const ctx = new Context(req, c ? c.mount.service : fallback, core, c ? c.mount.environment : null, c ? c.mount : unmounted)
    ctx.requestMethod = received.method
    let res: SandboxResponse
    let internal = false
    try {
      let early = refuse(req, c, ctx)
      if (early instanceof Promise) early = await early
      if (early === null && ctx.service.journal) {
        // A vendor request about to be answered: over its rate limit it is a 429; an injected
        // fault may delay or replace the answer.
        if (core.rateLimits.enabled && !core.rateLimits.take(ctx.service.name, ctx.environment, core.clock.now())) {
          ctx.refuse(`rate limit exceeded (${ctx.environment ?? 'all environments'})`)
          early = ctx.service.errors.rateLimited(Math.ceil(core.rateLimits.waitMs(ctx.service.name, ctx.environment, core.clock.now()) / 1000))
        } else if (core.faults.size() !== 0) early = await injectFault(core.faults, ctx)
      } else if (ctx.unsimulated && ctx.service.journal && core.faults.size() !== 0) {
        // A path the sandbox does not simulate, its credential accepted: a rule may answer it
        // (a stub of an endpoint the sandbox lacks); a rule without an answer leaves the 404.
        early = (await injectFault(core.faults, ctx)) ?? early
      }
      res = early ?? (await ctx.route.handler(ctx))
      if (early === null && ctx.route.unsaved) res = { ...res, unsaved: true }
    } catch (err) {
      internal = true
      ctx.refuse(`internal: ${err instanceof Error ? err.message : String(err)}`)
      res = ctx.service.errors.internal()
      try {
        report(err)
      } catch {
        // A reporter that throws must not turn the 500 into an unanswered request.
      }
    }
    if (ctx.service.journal) {
      const entry: JournalRecord = {
        atMs: core.clock.now(),
        vendor: ctx.service.name,
        environment: ctx.environment,
        method: received.method,
        path: req.url.pathname,
        status: res.status,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      }
      if (ctx.reason !== undefined) entry.reason = ctx.reason
      if (ctx.facts !== undefined) entry.meta = ctx.facts
      if (ctx.fault !== undefined) entry.fault = ctx.fault
      core.journal.record(entry, isLargeRequest(req))
      received.recorded = entry
      // The refusal's reason on the answer too (as the journal shows it: record() escaped it). An
      // internal error's message is the sandbox's, not the caller's: it stays in the journal.
      if (entry.reason !== undefined) res = withReason(res, internal ? INTERNAL_REASON : entry.reason)
    }
    return received.method === 'HEAD' ? headAnswer(res) : res
  }

  return {
    handle: (req) => run(req, find(req.url)),
    resolve: (url) => find(url)?.mount ?? null,
    errorsFor: (url) => (find(url)?.mount.service ?? fallback).errors,
    bodyLimitFor(method, url) {
      const c = find(url)
      if (!c) return core.bodyLimit
      const m = c.router.match(method === 'HEAD' ? 'GET' : method, subPath(c, url))
      return (m.kind === 'found' ? m.route.bodyLimit : undefined) ?? core.bodyLimit
    },
    assetPath(url) {
      const c = find(url)
      if (!c) return null
      const sub = subPath(c, url)
      return isAssetPath(c.mount.assets, sub) ? sub : null
    },
  }
}
