// The OpenAPI contracts the sandbox serves under /__sandbox/contracts/<name>.yaml. Reading them
// is a loader function so this module has no Node built-in at its top level: in Node the
// default loader reads contracts/<name>.yaml from disk through a dynamic import of node:fs; a
// browser bundle (where that import fails) can install its own with `setContractLoader`, for
// example one that returns YAML text the bundler inlined.

/** Returns the YAML text of `contracts/<name>.yaml`, or null when there is no such contract. */
export type ContractLoader = (name: string) => Promise<string | null>

/** Contract names are lowercase words and dashes: no dots, slashes or `..`. */
export const CONTRACT_NAME = /^[a-z0-9][a-z0-9-]*$/

const readFromDisk: ContractLoader = async (name) => {
  // A computed specifier keeps bundlers from trying to resolve node:fs for the browser.
  const specifier = 'node:fs/promises'
  let fs: typeof import('node:fs/promises')
  try {
    fs = (await import(/* @vite-ignore */ specifier)) as typeof import('node:fs/promises')
  } catch {
    return null
  }
  // From the sources this file is src/admin/contracts.ts; bundled, it is inside dist/cli.mjs.
  for (const dir of ['../../contracts/', '../contracts/']) {
    try {
      return await fs.readFile(new URL(`${dir}${name}.yaml`, import.meta.url), 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
  }
  return null
}

let loader: ContractLoader = readFromDisk

/** Replaces how contracts are read (the browser bundle's hook); returns the previous loader. */
export function setContractLoader(next: ContractLoader): ContractLoader {
  const previous = loader
  loader = next
  return previous
}

/** The contract's YAML, or null for an unknown or invalid name. */
export async function loadContract(name: string): Promise<string | null> {
  if (!CONTRACT_NAME.test(name)) return null
  return loader(name)
}
