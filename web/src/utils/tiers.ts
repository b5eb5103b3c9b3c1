// Chart data for the tier board (CultivationView): counts per tier and year as stacked bars, and
// one year's moves between tiers as a Sankey diagram. Pure functions, so they are unit tested.
import type { FlowSource, Tier, TierCount, TierFlow } from '@/api/policy'

export const TIER_COLORS: Record<FlowSource, string> = {
  leading: '#7c3aed', hte: '#16a34a', sme: '#2563eb', none: '#9ca3af', not_registered: '#f59e0b',
}

export interface StackedSeries { name: string; tier: Tier; data: number[]; color: string }

/** One bar series per tier (highest on top of the stack), one value per year. */
export function stackedSeries(counts: TierCount[], tiers: readonly Tier[], label: (t: Tier) => string): StackedSeries[] {
  return [...tiers].reverse().map((tier) => ({
    name: label(tier), tier, data: counts.map((c) => c[tier] ?? 0), color: TIER_COLORS[tier],
  }))
}

export interface SankeyData {
  nodes: Array<{ name: string; itemStyle: { color: string } }>
  links: Array<{ source: string; target: string; value: number }>
}

/**
 * The moves into `toYear` as a Sankey: nodes are "year · tier" on each side (so the graph has no
 * cycles even when a tier keeps its enterprises), links carry the counts; empty moves are left out.
 */
export function sankeyData(flows: TierFlow[], toYear: number, label: (t: FlowSource) => string): SankeyData {
  const chosen = flows.filter((f) => f.to_year === toYear && f.count > 0)
  const nodes = new Map<string, { name: string; itemStyle: { color: string } }>()
  const node = (year: number, tier: FlowSource): string => {
    const name = `${year} · ${label(tier)}`
    if (!nodes.has(name)) nodes.set(name, { name, itemStyle: { color: TIER_COLORS[tier] } })
    return name
  }
  const links = chosen.map((f) => ({ source: node(f.from_year, f.from), target: node(f.to_year, f.to), value: f.count }))
  return { nodes: [...nodes.values()], links }
}

const RANK: Record<FlowSource, number> = { leading: 0, hte: 1, sme: 2, none: 3, not_registered: 4 }

/** Moves up the ladder, down it, and staying, for the summary under the chart. */
export function moveSummary(flows: TierFlow[], toYear: number): { up: number; down: number; stay: number; founded: number } {
  const s = { up: 0, down: 0, stay: 0, founded: 0 }
  for (const f of flows.filter((x) => x.to_year === toYear)) {
    if (f.from === 'not_registered') s.founded += f.count
    else if (RANK[f.to] < RANK[f.from]) s.up += f.count
    else if (RANK[f.to] > RANK[f.from]) s.down += f.count
    else s.stay += f.count
  }
  return s
}
