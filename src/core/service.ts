// What a vendor (or the sandbox's own admin API) gives the core: routes, error builders and
// state. The core owns routing, body parsing, timing and the journal; the service owns answers.
import type { Clock } from './clock.ts'
import type { Mount } from './dispatch.ts'
import type { Faults } from './faults.ts'
import type { RateLimiter } from './rate-limits.ts'
import type { Ids } from './ids.ts'
import type { JwtService } from './jwt.ts'
import type { Journal } from './journal.ts'
import type { ErrorReporter } from './report.ts'
import type { SandboxRequest, SandboxResponse } from './types.ts'
import type { FieldPath } from './well-formed.ts'

/** Vendor-neutral services every handler can use. */
export interface Core {
  clock: Clock
  ids: Ids
  jwt: JwtService
  journal: Journal
  /** Injected faults (delays, error statuses, dropped connections) the dispatcher applies. */
  faults: Faults
  /** The vendors' rate limits, when the sandbox enforces them. */
  rateLimits: RateLimiter
  /** Largest request body accepted, in bytes. */
  bodyLimit: number
  /** Told of every error a handler throws (answered with the service's 500); default: stderr with the stack. */
  onError?: ErrorReporter
}

/** Every builder a service gives (the completeness test checks each vendor has them all). */
export const ERROR_BUILDERS = ['malformedJson', 'unsupportedContentType', 'bodyTooLarge', 'illFormedString', 'notFound', 'methodNotAllowed', 'internal', 'forStatus', 'rateLimited', 'parserRefusal'] as const satisfies readonly (keyof ErrorBuilders)[]

/** How a service answers the failures the core detects before a handler runs. */
export interface ErrorBuilders {
  malformedJson(detail: string): SandboxResponse
  unsupportedContentType(contentType: string | undefined): SandboxResponse
  /**
   * The body passed the route's `limit`; or, with `budget`, the standalone server's shared budget
   * of bytes for large bodies (`budget` bytes) was in use: say which (`tooLargeReason` in ./body.ts).
   */
  bodyTooLarge(limit: number, budget?: number): SandboxResponse
  /** 400 for a JSON body whose string (value or key) at `path` is not well-formed Unicode; names the field in the vendor's style. */
  illFormedString(path: FieldPath): SandboxResponse
  /**
   * `path` is below the mount (the vendor's own path under its base URL), or the whole path when
   * no mount matched. `note`, when given, says why (the sandbox does not simulate the path, or it
   * is a static file): put it in the message.
   */
  notFound(method: string, path: string, note?: string): SandboxResponse
  methodNotAllowed(method: string, path: string, allowed: string[]): SandboxResponse
  internal(): SandboxResponse
  /** The service's error answer for any status from 400 to 599 (an injected fault's). */
  forStatus(status: number): SandboxResponse
  /**
   * 429 for a request over the rate limit the sandbox enforces; `retryAfterSeconds` (1 or more)
   * until its window ends on the sandbox clock, for a `Retry-After` header where the vendor's
   * page says it sends one (or chose to, documenting nothing).
   */
  rateLimited(retryAfterSeconds: number): SandboxResponse
  /**
   * A request the standalone server's HTTP parser refused before it could be read (400 malformed,
   * 408 too slow, 431 head too large), on a path under this service; `message` says which.
   */
  parserRefusal(status: number, message: string): SandboxResponse
}

export interface RouteContext<S, E extends string | null = string | null, L extends object = object> {
  req: SandboxRequest
  /** The route the request matched. */
  route: Route<S, E, L>
  /** The mount it arrived on (its `base`, `api`, `environment`). */
  mount: Mount
  /** Per-request data a service's `authenticate` leaves for its handler (CAF: the verified token). */
  locals: Partial<L>
  /** Path parameters (`:id` in the route path). */
  params: Record<string, string>
  query: URLSearchParams
  /** The parsed JSON body; `undefined` when the request had none. */
  body: unknown
  state: S
  core: Core
  /**
   * The environment the request runs in: the mount's, or what `authenticate` set (ComplyCube's
   * comes from the API key). A handler sees the vendor's own type (VendorDefinition's `E`).
   */
  environment: E
  /** Records why the request was refused, for the journal. */
  refuse(reason: string): void
  /** Adds non-secret facts to the journal entry. */
  meta(facts: Record<string, unknown>): void
}

export type Handler<S, E extends string | null = string | null, L extends object = object> = Route<S, E, L>['handler']

export interface Route<S, E extends string | null = string | null, L extends object = object> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path below the mount, with `:name` parameters, e.g. `/clients/:id`. */
  path: string
  /** `json` (default for POST/PUT/PATCH): the core parses the body as JSON first. */
  body?: 'json' | 'none'
  /** For a vendor with several hosts: the API that serves this route; mounts of another API answer 404. */
  api?: string
  /** The largest body this route takes, when not the sandbox's `bodyLimit` (CAF's upload PUT takes an image). */
  bodyLimit?: number
  /** It changes only run-time state no state file keeps (faults, rate limits): see `SandboxResponse.unsaved`. */
  unsaved?: boolean
  // A method, so a route of some vendor's state is a route of unknown state (see AnyVendor).
  handler(ctx: RouteContext<S, E, L>): SandboxResponse | Promise<SandboxResponse>
}

export interface Service<S, L extends object = object> {
  name: string
  routes: Route<S, string | null, L>[]
  errors: ErrorBuilders
  state: S
  /** Whether requests to this service go into the journal. */
  journal: boolean
  /**
   * Runs after the route is found and before the body is read: answers a refusal, or null to go
   * on. It may set `ctx.environment` (ComplyCube's environment comes from the API key). Every
   * check a route makes that needs no body belongs here: a body larger than the sandbox's
   * `bodyLimit` (a route's own limit) is read on the standalone server only once it passed.
   */
  authenticate?(ctx: RouteContext<S, string | null, L>): SandboxResponse | null | Promise<SandboxResponse | null>
  /** How a path the sandbox does not simulate is answered: see VendorDefinition.unsimulatedRoute. */
  notSimulated?: {
    /** Where the simulated paths are listed, for the 404's message. */
    note: string
    /** The vendor's route fields `authenticate` judges such a path by, per API. */
    route(api: string | null): Record<string, unknown>
  }
}
