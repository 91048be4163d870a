// Node 22 prints "ExperimentalWarning: SQLite is an experimental feature…" the first time
// node:sqlite is loaded (`serve --state`); Node 24 and 26 print nothing. The user did not ask
// for node:sqlite, the CLI did, so in the CLI's own process (never the library's) that one
// warning is not printed. How: Node prints warnings from its own 'warning' listener (none
// with --no-warnings); those listeners are moved behind one that passes every other warning on.
// The event itself is untouched: `process.on('warning')` listeners added later see it all.
const isSqliteWarning = (w: Error) => w.name === 'ExperimentalWarning' && w.message.startsWith('SQLite is an experimental feature')

export function hideSqliteExperimentalWarning(): void {
  const printers = process.listeners('warning')
  if (printers.length === 0) return
  for (const p of printers) process.off('warning', p)
  process.on('warning', (warning) => {
    if (isSqliteWarning(warning)) return
    for (const p of printers) p.call(process, warning)
  })
}
