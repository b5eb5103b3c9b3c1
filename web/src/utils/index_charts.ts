// Chart data for the index studio, kept out of the components so it can be unit-tested: the
// ECharts option objects in the components only place these arrays.
import type { Correlations, FrameworkRow, IndexResults, RankStats, SensitivityRow } from '@/api/index_engine'

/** The top aggregate's scores, best first; units without a score are left out. */
export function indexBars(results: IndexResults, column = results.columns[0]): { units: string[]; scores: number[] } {
  if (!column) return { units: [], scores: [] }
  const pairs = results.units
    .map((u, i) => [u, results.scores[column]?.[i] ?? null] as const)
    .filter((p): p is readonly [string, number] => p[1] !== null && Number.isFinite(p[1]))
    .sort((a, b) => b[1] - a[1])
  return { units: pairs.map((p) => p[0]), scores: pairs.map((p) => p[1]) }
}

export interface SunburstNode {
  name: string
  /** iName, shown in the tooltip. */
  fullName: string
  weight: number | null
  effective: number | null
  value?: number
  children?: SunburstNode[]
  itemStyle?: { color: string }
}

/**
 * The framework as a tree for the sunburst: roots are rows without a parent; a leaf's size is its
 * effective weight, so every ring shows the share each element has in the index. ECharts sums
 * the children for the inner rings.
 */
export function sunburstTree(framework: readonly FrameworkRow[]): SunburstNode[] {
  const byParent = new Map<string | null, FrameworkRow[]>()
  for (const row of framework) {
    const key = row.parent ?? null
    byParent.set(key, [...(byParent.get(key) ?? []), row])
  }
  const node = (row: FrameworkRow, seen: Set<string>): SunburstNode => {
    const kids = seen.has(row.code) ? [] : (byParent.get(row.code) ?? [])
    const next = new Set(seen).add(row.code)
    const n: SunburstNode = { name: row.code, fullName: row.name, weight: row.weight, effective: row.effective_weight }
    if (kids.length) n.children = kids.map((k) => node(k, next))
    else n.value = row.effective_weight ?? 0
    return n
  }
  return (byParent.get(null) ?? []).map((r) => node(r, new Set()))
}

/**
 * Heatmap cells [x, y, r] of a correlation matrix (r rounded to 2 decimals for the labels);
 * undefined correlations (null) are left out so they show as empty cells.
 */
export function heatmapCells(c: Correlations, only?: readonly string[]): { codes: string[]; cells: Array<[number, number, number]> } {
  const keep = c.codes.map((code, i) => [code, i] as const).filter(([code]) => !only || only.includes(code))
  const cells: Array<[number, number, number]> = []
  keep.forEach(([, i], x) => {
    keep.forEach(([, j], y) => {
      const r = c.r[i]?.[j]
      if (r !== null && r !== undefined && Number.isFinite(r)) cells.push([x, y, Math.round(r * 100) / 100])
    })
  })
  return { codes: keep.map(([code]) => code), cells }
}

export interface UncertaintySeries {
  units: string[]
  nominal: Array<number | null>
  median: Array<number | null>
  /** Lower end of the 5–95 % interval (the invisible base of the stacked bar). */
  q5: Array<number | null>
  /** Length of the interval, q95 − q5 (the visible bar stacked on the base). */
  span: Array<number | null>
  q95: Array<number | null>
}

/** Units sorted by nominal rank (ties by median, then code), with the interval as base + span. */
export function uncertaintySeries(s: RankStats): UncertaintySeries {
  const order = s.units.map((_, i) => i).sort((a, b) =>
    (s.nominal[a] ?? Infinity) - (s.nominal[b] ?? Infinity) ||
    (s.median[a] ?? Infinity) - (s.median[b] ?? Infinity) ||
    s.units[a]!.localeCompare(s.units[b]!))
  const pick = (xs: Array<number | null>) => order.map((i) => xs[i] ?? null)
  const q5 = pick(s.q5)
  const q95 = pick(s.q95)
  return {
    units: order.map((i) => s.units[i]!),
    nominal: pick(s.nominal),
    median: pick(s.median),
    q5,
    q95,
    span: q5.map((lo, k) => (lo === null || q95[k] === null ? null : q95[k]! - lo)),
  }
}

export interface SensitivityBars {
  factors: string[]
  si: Array<number | null>
  sti: Array<number | null>
  /** [factor index, low, high] per factor, for the error bars. */
  siInterval: Array<[number, number, number]>
  stiInterval: Array<[number, number, number]>
}

export function sensitivityBars(rows: readonly SensitivityRow[]): SensitivityBars {
  const interval = (lo: (r: SensitivityRow) => number | null, hi: (r: SensitivityRow) => number | null) =>
    rows.flatMap((r, i): Array<[number, number, number]> => {
      const a = lo(r)
      const b = hi(r)
      return a === null || b === null ? [] : [[i, a, b]]
    })
  return {
    factors: rows.map((r) => r.factor),
    si: rows.map((r) => r.si),
    sti: rows.map((r) => r.sti),
    siInterval: interval((r) => r.si_q5, (r) => r.si_q95),
    stiInterval: interval((r) => r.sti_q5, (r) => r.sti_q95),
  }
}
