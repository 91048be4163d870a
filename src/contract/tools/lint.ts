// `npm run lint:contracts`: lints every contracts/*.yaml with Redocly's OpenAPI linter
// (@redocly/openapi-core, the engine of @redocly/cli) and its `recommended` rules; exits 1 on
// any error or warning. `lintContract` is what the test calls.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createConfig, formatProblems, getTotals, lint } from '@redocly/openapi-core'
import { CONTRACTS_DIR, contractNames } from './generate.ts'

export interface LintProblem {
  ruleId: string
  severity: string
  message: string
  /** JSON pointer(s) of the offending node. */
  where: string[]
}

// `recommended`, plus: every operation documents a 4xx, and examples must match their schemas.
// Our schemas close themselves (additionalProperties / unevaluatedProperties: false), so the
// example rules need not add their own closing, which breaks `oneOf` branches.
const RULES = {
  extends: ['recommended'],
  rules: {
    'operation-4xx-response': 'error',
    'no-invalid-media-type-examples': { severity: 'error', allowAdditionalProperties: true },
    'no-invalid-schema-examples': { severity: 'error', allowAdditionalProperties: true },
  },
} as const

export async function lintContract(path: string): Promise<{ problems: LintProblem[]; report: string }> {
  const config = await createConfig(RULES as never)
  const problems = await lint({ ref: path, config })
  const totals = getTotals(problems)
  // formatProblems prints; capture what it would print for the caller.
  const lines: string[] = []
  const write = process.stderr.write
  process.stderr.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk))
    return true
  }) as typeof process.stderr.write
  try {
    formatProblems(problems, { format: 'stylish', totals, version: 'openapi-core', color: false })
  } finally {
    process.stderr.write = write
  }
  return {
    problems: problems.map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.message,
      where: p.location.map((l) => l.pointer ?? ''),
    })),
    report: lines.join(''),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let failed = false
  for (const name of await contractNames()) {
    const file = join(CONTRACTS_DIR, `${name}.yaml`)
    const { problems, report } = await lintContract(file)
    if (problems.length) {
      failed = true
      console.error(`contracts/${name}.yaml:\n${report}`)
    } else console.log(`contracts/${name}.yaml: clean`)
  }
  process.exitCode = failed ? 1 : 0
}
