// The machine under the benchmark: on a VM, time its neighbours take from it ("steal") moves
// every number here, the sandbox's (CPU-bound) more than the bare server's (bound by its
// client). Read from /proc/stat; null where there is none.
import { readFileSync } from 'node:fs'

export interface CpuTimes {
  steal: number
  total: number
}

export function cpuTimes(): CpuTimes | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal ...
    return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) }
  } catch {
    return null
  }
}

/** Share of all CPU time between two readings that went to other guests (0–1), or null. */
export function stealShare(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (!from || !to || to.total <= from.total) return null
  return (to.steal - from.steal) / (to.total - from.total)
}
