// `import()` for modules decided at run time. bin/token-sandbox.js runs the CLI bundle as a
// vm.Script (to use V8's code cache), and there a script's own `import()` has no module loader
// (Node 20 offers one only as an experimental option, lost when the code comes from the cache):
// the bin hands its own `import()` over under this symbol. Everywhere else this is `import()`.
const HOOK = Symbol.for('token-sandbox.import')

export function dynamicImport<T = unknown>(specifier: string): Promise<T> {
  const hook = (globalThis as { [HOOK]?: (specifier: string) => Promise<unknown> })[HOOK]
  return (hook ? hook(specifier) : import(/* @vite-ignore */ specifier)) as Promise<T>
}
