// Results of a build as table rows, and the what-if and profile views of them.
import type { IndexResults, Num, WhatIf } from '@/api/index_engine'

export interface ResultRow {
  unit: string
  name: string
  rank: Num
  scores: Record<string, Num>
  ranks: Record<string, Num>
}

export function resultRows(results: IndexResults, names: Record<string, string> = {}): ResultRow[] {
  return results.units.map((unit, i) => ({
    unit,
    name: names[unit] ?? unit,
    rank: results.rank[i] ?? null,
    scores: Object.fromEntries(results.columns.map((c) => [c, results.scores[c]?.[i] ?? null])),
    ranks: Object.fromEntries(results.columns.map((c) => [c, results.ranks[c]?.[i] ?? null])),
  }))
}

/** Rows whose code or name contains `q` (case-insensitive), best rank first. */
export function filterRows(rows: readonly ResultRow[], q: string): ResultRow[] {
  const needle = q.trim().toLowerCase()
  const hit = needle
    ? rows.filter((r) => r.unit.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle))
    : [...rows]
  return hit.sort((a, b) => compareNullable(a.rank, b.rank))
}

/** Ascending order with missing values last, for table sorting of scores and ranks. */
export function compareNullable(a: Num | undefined, b: Num | undefined): number {
  const am = a === null || a === undefined || Number.isNaN(a)
  const bm = b === null || b === undefined || Number.isNaN(b)
  if (am || bm) return am === bm ? 0 : am ? 1 : -1
  return (a as number) - (b as number)
}

/** One unit's score and rank in every aggregate (top first), for its profile. */
export function unitScores(results: IndexResults, unit: string): Array<{ column: string; score: Num; rank: Num }> {
  const i = results.units.indexOf(unit)
  if (i < 0) return []
  return results.columns.map((column) => ({
    column,
    score: results.scores[column]?.[i] ?? null,
    rank: results.ranks[column]?.[i] ?? null,
  }))
}

export interface WhatIfRow {
  unit: string
  scoreBefore: Num
  scoreAfter: Num
  rankBefore: Num
  rankAfter: Num
  change: Num
}

export function whatIfRows(w: WhatIf): WhatIfRow[] {
  return w.units.map((unit, i) => ({
    unit,
    scoreBefore: w.score_before[i] ?? null,
    scoreAfter: w.score_after[i] ?? null,
    rankBefore: w.rank_before[i] ?? null,
    rankAfter: w.rank_after[i] ?? null,
    change: w.rank_change[i] ?? null,
  }))
}

/** Units whose rank moved, largest move first (then by new rank). */
export function movedUnits(w: WhatIf): WhatIfRow[] {
  return whatIfRows(w)
    .filter((r) => r.change !== null && r.change !== 0)
    .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!) || compareNullable(a.rankAfter, b.rankAfter))
}

/** The changes worth sending: values that differ from the original, weights that differ from iMeta. */
export function changedEntries<T extends number | null>(edited: Record<string, T>, original: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const [k, v] of Object.entries(edited)) if (v !== original[k]) out[k] = v
  return out
}
