import { describe, expect, it } from 'vitest'
import type { TierCount, TierFlow } from '@/api/policy'
import { TIERS } from '@/api/policy'
import { moveSummary, sankeyData, stackedSeries } from '@/utils/tiers'

const counts: TierCount[] = [
  { year: 2022, leading: 0, hte: 1, sme: 1, none: 1 },
  { year: 2023, leading: 1, hte: 2, sme: 0, none: 1 },
]
const flows: TierFlow[] = [
  { from_year: 2022, to_year: 2023, from: 'hte', to: 'leading', count: 1 },
  { from_year: 2022, to_year: 2023, from: 'sme', to: 'hte', count: 1 },
  { from_year: 2022, to_year: 2023, from: 'hte', to: 'hte', count: 0 },
  { from_year: 2022, to_year: 2023, from: 'none', to: 'none', count: 1 },
  { from_year: 2022, to_year: 2023, from: 'not_registered', to: 'hte', count: 1 },
  { from_year: 2021, to_year: 2022, from: 'none', to: 'hte', count: 1 },
]

describe('tier board data', () => {
  it('stacks one series per tier with the lowest tier at the bottom', () => {
    const s = stackedSeries(counts, TIERS, (t) => t.toUpperCase())
    expect(s.map((x) => x.tier)).toEqual(['none', 'sme', 'hte', 'leading'])
    expect(s.find((x) => x.tier === 'hte')!.data).toEqual([1, 2])
    expect(s[0]!.name).toBe('NONE')
  })

  it('builds a Sankey of one year pair without empty links or cycles', () => {
    const d = sankeyData(flows, 2023, (t) => t)
    expect(d.links).toHaveLength(4)
    expect(d.links).toContainEqual({ source: '2022 · hte', target: '2023 · leading', value: 1 })
    expect(d.links).toContainEqual({ source: '2022 · none', target: '2023 · none', value: 1 })
    for (const l of d.links) expect(l.source).not.toBe(l.target)
    const names = d.nodes.map((n) => n.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toContain('2022 · not_registered')
    expect(names).not.toContain('2021 · none')
  })

  it('summarises moves up, down, staying and founded', () => {
    expect(moveSummary(flows, 2023)).toEqual({ up: 2, down: 0, stay: 1, founded: 1 })
    expect(moveSummary([{ from_year: 1, to_year: 2, from: 'leading', to: 'sme', count: 3 }], 2)).toEqual({ up: 0, down: 3, stay: 0, founded: 0 })
  })
})
