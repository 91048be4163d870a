// Keys in list order — newest first (createdAtMs descending), then by key — kept sorted as rows
// come and go, so a page of a long list costs O(log n + page size), not a sort of every row.
// (ComplyCube's GET /v1/clients at 50,000 clients sorted all of them for each page: 85 ms.)
//
// A treap: a binary search tree by (createdAtMs desc, key), heap-ordered by a random priority,
// each node counting its subtree, so that insert, delete and "the i-th key" are O(log n)
// expected. Priorities come from a fixed-seed generator: the same operations build the same tree.

interface Node {
  key: string
  at: number
  priority: number
  size: number
  left: Node | null
  right: Node | null
}

export interface OrderedIndex {
  /** How many keys it holds. */
  readonly size: number
  /** Adds `key` created at `createdAtMs`, or moves it there if it is already in. */
  set(key: string, createdAtMs: number): void
  /** Removes `key`; false when it was not in. */
  delete(key: string): boolean
  has(key: string): boolean
  /** The keys at positions [start, start + count) of the list (fewer at its end; none past it). */
  page(start: number, count: number): string[]
  /** Every key, in list order. */
  keys(): Generator<string>
  /** Replaces every key with `entries` ([key, createdAtMs], the last for a key repeated), in O(n log n): a restore. */
  load(entries: Iterable<readonly [string, number]>): void
  clear(): void
}

const sizeOf = (n: Node | null) => (n === null ? 0 : n.size)
const update = (n: Node) => {
  n.size = 1 + sizeOf(n.left) + sizeOf(n.right)
  return n
}

/** Whether (a, aKey) comes before (b, bKey) in the list. */
const precedes = (a: number, aKey: string, b: number, bKey: string) => a > b || (a === b && aKey < bKey)

/** The nodes of `t` before (at, key), and the others. */
function split(t: Node | null, at: number, key: string): [Node | null, Node | null] {
  if (t === null) return [null, null]
  if (precedes(t.at, t.key, at, key)) {
    const [l, r] = split(t.right, at, key)
    t.right = l
    return [update(t), r]
  }
  const [l, r] = split(t.left, at, key)
  t.left = r
  return [l, update(t)]
}

/** `a` then `b` (every node of `a` comes before every node of `b`). */
function merge(a: Node | null, b: Node | null): Node | null {
  if (a === null) return b
  if (b === null) return a
  if (a.priority > b.priority) {
    a.right = merge(a.right, b)
    return update(a)
  }
  b.left = merge(a, b.left)
  return update(b)
}

/** Removes the node (at, key) from `t`, which holds it. */
function remove(t: Node, at: number, key: string): Node | null {
  if (t.key === key) return merge(t.left, t.right)
  if (precedes(at, key, t.at, t.key)) t.left = remove(t.left!, at, key)
  else t.right = remove(t.right!, at, key)
  return update(t)
}

/**
 * A perfectly balanced tree of `list[from, to)`. Priorities fall with depth, so it is a treap too
 * (any priorities keep the order right; these keep it balanced until random ones mix in).
 */
function balanced(list: Node[], from: number, to: number, depth: number): Node | null {
  if (from >= to) return null
  const mid = (from + to) >>> 1
  const n = list[mid]!
  n.priority = 0xffffffff - depth * 0x4000000
  n.left = balanced(list, from, mid, depth + 1)
  n.right = balanced(list, mid + 1, to, depth + 1)
  return update(n)
}

export function createOrderedIndex(): OrderedIndex {
  let root: Node | null = null
  const nodes = new Map<string, Node>()
  // xorshift32: cheap, and deterministic across runs.
  let seed = 0x9e3779b9
  const nextPriority = () => {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return seed >>> 0
  }

  const index: OrderedIndex = {
    get size() {
      return nodes.size
    },
    set(key, createdAtMs) {
      const old = nodes.get(key)
      if (old) {
        if (old.at === createdAtMs) return
        index.delete(key)
      }
      const node: Node = { key, at: createdAtMs, priority: nextPriority(), size: 1, left: null, right: null }
      nodes.set(key, node)
      const [l, r] = split(root, createdAtMs, key)
      root = merge(merge(l, node), r)
    },
    delete(key) {
      const node = nodes.get(key)
      if (!node) return false
      nodes.delete(key)
      root = remove(root!, node.at, key)
      return true
    },
    has: (key) => nodes.has(key),
    page(start, count) {
      const out: string[] = []
      if (!(start >= 0) || !(count > 0)) return out
      // Down to the start, keeping the nodes whose left subtree was taken (an in-order walk from there).
      const stack: Node[] = []
      let n = root
      let skip = Math.floor(start)
      while (n !== null) {
        const left = sizeOf(n.left)
        if (skip < left) {
          stack.push(n)
          n = n.left
        } else if (skip === left) {
          stack.push(n)
          break
        } else {
          skip -= left + 1
          n = n.right
        }
      }
      while (stack.length > 0 && out.length < count) {
        const next = stack.pop()!
        out.push(next.key)
        for (let m = next.right; m !== null; m = m.left) stack.push(m)
      }
      return out
    },
    *keys() {
      const stack: Node[] = []
      for (let m = root; m !== null; m = m.left) stack.push(m)
      while (stack.length > 0) {
        const next = stack.pop()!
        yield next.key
        for (let m = next.right; m !== null; m = m.left) stack.push(m)
      }
    },
    clear() {
      root = null
      nodes.clear()
    },
    load(entries) {
      nodes.clear()
      for (const [key, at] of entries) nodes.set(key, { key, at, priority: 0, size: 1, left: null, right: null })
      const list = [...nodes.values()].sort((a, b) => (precedes(a.at, a.key, b.at, b.key) ? -1 : 1))
      root = balanced(list, 0, list.length, 0)
    },
  }
  return index
}
