// The machine under the benchmark: on a VM, time its neighbours take from it ("steal") moves
// every number here, the sandbox's (CPU-bound) more than the bare server's (bound by its
// client). Read from /proc/stat; null where there is none.
import { readFileSync } from 'node:fs'
import os from 'node:os'

export interface CpuTimes {
  steal: number
  /** idle + iowait */
  idle: number
  total: number
}

export function cpuTimes(): CpuTimes | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal ...
    return { steal: fields[7] ?? 0, idle: (fields[3] ?? 0) + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) }
  } catch {
    return null
  }
}

/** Share of all CPU time between two readings that went to other guests (0–1), or null. */
export function stealShare(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (!from || !to || to.total <= from.total) return null
  return (to.steal - from.steal) / (to.total - from.total)
}

/**
 * The share of the machine's CPU time that went to work other than the bench's own (its process,
 * which runs the load generator, and the servers it reports with `addChild`): another test suite
 * or build on the same cores. Ticks are /proc's clock ticks (USER_HZ, 100 a second on Linux).
 */
export function otherWork() {
  const from = cpuTimes()
  const self = process.cpuUsage()
  let childTicks = 0
  return {
    addChild(ticks: number) {
      childTicks += ticks
    },
    share(): number | null {
      const to = cpuTimes()
      if (!from || !to || to.total <= from.total) return null
      const { user, system } = process.cpuUsage(self)
      const busy = to.total - to.idle - (to.steal - from.steal) - (from.total - from.idle)
      const ours = (user + system) / 10_000 + childTicks
      return Math.max(0, busy - ours) / (to.total - from.total)
    },
  }
}

/** Share of all CPU time between two readings that was busy (0–1), whoever used it, or null. */
export function busyShare(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (!from || !to || to.total <= from.total) return null
  return 1 - (to.idle - from.idle) / (to.total - from.total)
}

/**
 * How busy the machine is with other work right before the run (the bench itself idle), over
 * `ms`: other test suites or builds on the same two cores move every number of the run.
 */
export async function busyBeforeRun(ms = 3_000): Promise<number | null> {
  const from = cpuTimes()
  await new Promise((r) => setTimeout(r, ms))
  return busyShare(from, cpuTimes())
}

/** What the numbers were measured on, for the results' header. */
export function machine(java: string | null) {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    java,
  }
}
