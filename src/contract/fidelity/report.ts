// A comparison as a person reads it (text), or as CI reads it (json, junit): one entry a case,
// each difference naming the exchange, where in it, what the record holds and what came now.
import { comparisonFails, type CaseComparison, type Comparison, type Difference } from './compare.ts'

export const FIDELITY_REPORTERS = ['text', 'json', 'junit'] as const
export type FidelityReporter = (typeof FIDELITY_REPORTERS)[number]

/**
 * `status: exchange 1 (GET /clients/{id}): recorded 404, now 503`, `result: recorded pass, now fail`,
 * `message: exchange 2 (POST /tokens) body.message: …`: the place is named once, not again when it is
 * the kind itself.
 */
export function differenceLine(d: Difference): string {
  const where = [d.exchange ? `exchange ${d.exchange} (${d.request})` : '', d.at === d.kind ? '' : d.at].filter(Boolean).join(' ')
  return `${d.kind}: ${where ? `${where}: ` : ''}recorded ${d.expected}, now ${d.actual}`
}

function text(c: Comparison, recordFile: string): string {
  const lines = [`fidelity: ${c.vendor} against ${recordFile} (${c.recorded.environment}, ${c.recorded.date}, token-sandbox ${c.recorded.version})`]
  for (const k of c.cases) {
    if (k.outcome === 'same') lines.push(`  same         ${k.name}`)
    else if (k.outcome === 'not compared') lines.push(`  not compared ${k.name} (${k.note})`)
    else {
      lines.push(`  DIFFERENT    ${k.name}`)
      for (const d of k.differences) lines.push(`      ${differenceLine(d)}`)
    }
  }
  const skipped = c.cases.length - c.compared
  lines.push(
    c.compared === 0
      ? 'fidelity: no case could be compared'
      : `fidelity: ${c.different} of ${c.compared} cases differ${skipped ? ` (${skipped} not compared)` : ''}`,
  )
  return lines.join('\n') + '\n'
}

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
    // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')

function junitCase(vendor: string, k: CaseComparison): string {
  const open = `    <testcase classname="${xml(`${vendor} fidelity`)}" name="${xml(k.name)}"`
  if (k.outcome === 'same') return `${open}/>`
  if (k.outcome === 'not compared') return `${open}>\n      <skipped message="${xml(k.note ?? '')}"/>\n    </testcase>`
  const body = k.differences.map(differenceLine).join('\n')
  return `${open}>\n      <failure message="${xml(`${k.differences.length} difference(s) from the record`)}" type="fidelity">${xml(body)}</failure>\n    </testcase>`
}

function junit(c: Comparison): string {
  const skipped = c.cases.length - c.compared
  const attrs = `name="${xml(`${c.vendor} fidelity`)}" tests="${c.cases.length}" failures="${c.different}" errors="0" skipped="${skipped}"`
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs}>`,
    `  <testsuite ${attrs}>`,
    ...c.cases.map((k) => junitCase(c.vendor, k)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}

export function formatComparison(c: Comparison, reporter: FidelityReporter, recordFile: string): string {
  if (reporter === 'json') return JSON.stringify({ record: recordFile, ...c, failed: comparisonFails(c) }, null, 2) + '\n'
  if (reporter === 'junit') return junit(c)
  return text(c, recordFile)
}
