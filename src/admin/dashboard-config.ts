// What the dashboard's script knows besides the admin API's answers, written into the page as
// JSON: which characters it writes out as \uXXXX (the same patterns as ../core/shown.ts), and
// what each registered vendor declares for people to read: the claims naming a token's subject.
// (Rate limits come from the admin API: the setting in force, not only the documented one.)
import { JSON_SHOWN_AS_ESCAPE_SOURCE, SHOWN_AS_ESCAPE_SOURCE } from '../core/shown.ts'
import { vendorDefinitions } from '../vendors/registry.ts'

export interface DashboardConfig {
  /** ../core/shown.ts's patterns: text (flags `gu`), and JSON text (flag `g`). */
  shown: { text: string; json: string }
  vendors: Record<string, { tokenSubject: readonly string[] }>
}

export const dashboardConfig: DashboardConfig = {
  shown: { text: SHOWN_AS_ESCAPE_SOURCE, json: JSON_SHOWN_AS_ESCAPE_SOURCE },
  vendors: Object.fromEntries(
    Object.values(vendorDefinitions).map((v) => [v.name, { tokenSubject: v.tokenSubject ?? ['sub'] }]),
  ),
}

/**
 * JSON for a `<script type="application/json">` element: `<` is written `\u003c` (JSON only has
 * it inside strings, where that is the same character), so no value can close the element.
 */
export const jsonForScriptElement = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c')
