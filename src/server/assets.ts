// Static files on vendor hosts (a vendor's `assets`: CAF's face-detector model under `/tfmodel`
// on the Mobile API host), served from a folder the user names (`serve --assets DIR`), so an
// offline demo can load a model the user has. The folder mirrors the paths below the mount:
// `/caf/prod/mobile/tfmodel/face-detector/v2/model.json` is `DIR/tfmodel/face-detector/v2/model.json`.
// Regular files inside the folder only (symbolic links are followed, and must stay inside);
// anything else falls through to the sandbox, which answers the vendor's 404.
import { realpathSync, statSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import type { SandboxResponse } from '../core/types.ts'
import type { Sandbox } from '../sandbox.ts'
import type { Handle } from './persist.ts'

/** A file larger than this is not served (answers are held in memory): a model's shards are a few MB. */
export const ASSET_MAX_BYTES = 64 * 1024 * 1024

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
}

/** The folder's real path; throws a clear error when it is not a readable folder. */
export function assetRoot(dir: string): string {
  let root: string
  try {
    root = realpathSync(resolve(dir))
  } catch {
    throw new Error(`assets folder ${dir} does not exist`)
  }
  if (!statSync(root).isDirectory()) throw new Error(`assets folder ${dir} is not a folder`)
  return root
}

/** The file for a path below the mount (`/tfmodel/x/model.json`), or null: no `..`, nothing outside `root`, regular files only. */
export async function resolveAsset(root: string, sub: string): Promise<string | null> {
  const names: string[] = []
  for (const segment of sub.split('/')) {
    if (segment === '') continue
    let name: string
    try {
      name = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (name === '.' || name === '..' || name.includes('/') || name.includes('\\') || name.includes('\0')) return null
    names.push(name)
  }
  if (names.length === 0) return null
  let real: string
  try {
    real = await realpath(join(root, ...names))
    const info = await stat(real)
    if (!info.isFile() || info.size > ASSET_MAX_BYTES) return null
  } catch {
    return null
  }
  return real.startsWith(root + sep) ? real : null
}

export function withAssets(handle: Handle, sandbox: Sandbox, dir: string): Handle {
  const root = assetRoot(dir)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return handle(request)
    const sub = sandbox.assetPath(request.url)
    if (sub === null) return handle(request)
    const file = await resolveAsset(root, sub)
    if (file === null) return handle(request)
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readFile(file))
    } catch {
      return handle(request)
    }
    const answer: SandboxResponse = {
      status: 200,
      headers: {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        // A public file that pages on any site load (TF.js fetches the model cross-origin).
        'access-control-allow-origin': '*',
        'cache-control': 'no-cache',
      },
      body: bytes,
    }
    return answer
  }
}
