// The index studio's pure helpers: CSV preview, spec and vary documents from the forms, chart
// data, result rows, what-if and file names.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CsvError, parseCsv, previewIndexFiles, firstRows, unitValues } from '@/utils/index_csv'
import {
  checkSpecForm, checkVaryForm, defaultSpecForm, defaultVaryForm, formFromSpec, plannedRuns, resizeByLevel, specFromForm, varyFromForm,
} from '@/utils/index_spec'
import { heatmapCells, indexBars, sensitivityBars, sunburstTree, uncertaintySeries } from '@/utils/index_charts'
import { changedEntries, compareNullable, filterRows, movedUnits, resultRows, unitScores } from '@/utils/index_results'
import { formatNumber, formatShare } from '@/utils/index_format'
import { attachmentName } from '@/api/index_engine'
import type { FrameworkRow, IndexResults } from '@/api/index_engine'

const ASEM = path.resolve(__dirname, '../../../tests/reference/asem')
const read = (f: string) => readFileSync(path.join(ASEM, f), 'utf8')

const META = 'Level,iCode,iName,Direction,Weight,Type,Parent\n' +
  '1,a,Alpha,1,1,Indicator,P\n1,b,Beta,-1,2,Indicator,P\n2,P,Pillar,1,1,Aggregate,Index\n3,Index,The index,1,1,Aggregate,\n' +
  '0,grp,Group,,,Group,\n'
const DATA = 'uCode,uName,grp,a,b\nX,"Ex, one",g1,1,2\nY,Why,g2,,4\n'

describe('CSV reading', () => {
  it('reads quoted commas, doubled quotes, newlines in quotes, CRLF and a BOM', () => {
    const t = parseCsv('\uFEFFuCode,uName\r\n"A","x, ""y""\nz"\r\n\r\nB,plain\r\n')
    expect(t.header).toEqual(['uCode', 'uName'])
    expect(t.rows).toEqual([['A', 'x, "y"\nz'], ['B', 'plain']])
  })

  it('names the line of a quote that never closes', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError)
    try { parseCsv('a,b\n1,"open\n2,3\n') } catch (e) { expect((e as CsvError).line).toBe(2) }
  })

  it('previews units × indicators, levels, names and the first rows', () => {
    const p = previewIndexFiles(DATA, META)
    expect(p.problems).toEqual([])
    expect(p.files!.units).toEqual(['X', 'Y'])
    expect(p.files!.indicators).toEqual(['a', 'b'])
    expect(p.files!.aggregates).toEqual(['P', 'Index'])
    expect(p.files!.levels).toBe(3)
    expect(p.files!.names).toEqual({ X: 'Ex, one', Y: 'Why' })
    expect(firstRows(p.files!.data, 1)).toEqual([{ uCode: 'X', uName: 'Ex, one', grp: 'g1', a: '1', b: '2' }])
    expect(unitValues(p.files!, 'Y')).toEqual({ a: null, b: 4 })
  })

  it('lists what is wrong with the files', () => {
    const keys = (d: string, m: string) => previewIndexFiles(d, m).problems.map((p) => p.key)
    expect(keys('', '')).toEqual(['dataEmpty', 'metaEmpty'])
    expect(keys('name,a\nX,1\n', META)).toEqual(['noUCode'])
    expect(keys('uCode,a\nX,1\nX,2\n', META)).toEqual(['duplicateUCode', 'missingColumn'])
    expect(previewIndexFiles('uCode,a\nX,1\n', META).problems).toContainEqual({ key: 'missingColumn', params: { code: 'b' } })
    expect(keys(DATA, 'Level,iCode\n1,a\n')).toEqual(['metaColumns'])
    expect(previewIndexFiles(DATA, 'Level,iCode\n1,a\n').problems[0]!.params).toEqual({ columns: 'Type, Parent' })
    expect(previewIndexFiles('uCode,a\n"X,1\n', META).problems[0]).toEqual({ key: 'unterminated', params: { file: 'iData', line: 2 } })
  })

  it('reads the ASEM files: 51 units × 49 indicators in four levels', () => {
    const p = previewIndexFiles(read('ASEM_iData.csv'), read('ASEM_iMeta.csv'))
    expect(p.problems).toEqual([])
    expect(p.files!.units.length).toBe(51)
    expect(p.files!.indicators.length).toBe(49)
    expect(p.files!.aggregates.length).toBe(11)
    expect(p.files!.levels).toBe(4)
    expect(p.files!.names.AUT).toBe('Austria')
  })
})

describe('spec from the form', () => {
  it('defaults to COINr\'s plain pipeline: minmax [0,100] then the arithmetic mean', () => {
    expect(specFromForm(defaultSpecForm())).toEqual({
      steps: [{ op: 'normalise', method: 'minmax', params: [0, 100] }, { op: 'aggregate', method: 'amean' }],
    })
  })

  it('builds COINr\'s example pipeline exactly as example-spec.json', () => {
    const f = defaultSpecForm()
    f.denominate = true
    f.impute = { enabled: true, method: 'mean_group', group: 'EurAsia_group' }
    f.screen = { enabled: true, by: 'NA', threshold: 0.9 }
    f.treat.enabled = true
    expect(specFromForm(f)).toEqual(JSON.parse(read('example-spec.json')))
  })

  it('sends only the options a method takes', () => {
    const f = defaultSpecForm()
    f.impute = { enabled: true, method: 'median', group: 'left over' }
    f.normalise = { method: 'rank', params: [0, 100], ref: '' }
    f.aggregate = { method: 'genmean', p: 0.5, perLevel: false, byLevel: ['gmean'] }
    expect(specFromForm(f).steps).toEqual([
      { op: 'impute', method: 'median' },
      { op: 'normalise', method: 'rank' },
      { op: 'aggregate', method: 'genmean', p: 0.5 },
    ])
    f.normalise = { method: 'dist2ref', params: [], ref: 'AUT' }
    f.aggregate = { method: 'amean', p: 2, perLevel: true, byLevel: ['amean', 'gmean'] }
    expect(specFromForm(f).steps.slice(-2)).toEqual([
      { op: 'normalise', method: 'dist2ref', ref: 'AUT' },
      { op: 'aggregate', by_level: ['amean', 'gmean'] },
    ])
    f.normalise = { method: 'goalposts', params: [10, 90, 100, 7], ref: '' }
    expect(specFromForm(f).steps[1]).toEqual({ op: 'normalise', method: 'goalposts', params: [10, 90, 100] })
  })

  it('reads a spec back into the form and says when the form would lose part of it', () => {
    const spec = { steps: [
      { op: 'denominate' }, { op: 'treat', winmax: 3, skew: 2.5, kurt: 4, fallback: 'none' },
      { op: 'normalise', method: 'zscore', params: [10, 2] }, { op: 'aggregate', by_level: ['amean', 'gmean', 'hmean'] },
    ] }
    const back = formFromSpec(spec)
    expect(back.lossless).toBe(true)
    expect(specFromForm(back.form)).toEqual(spec)
    expect(formFromSpec(null)).toEqual({ form: defaultSpecForm(), lossless: true })
    const lossy = (s: unknown) => formFromSpec(s).lossless
    expect(lossy({ steps: [{ op: 'normalise', method: 'minmax', indicators: { a: { method: 'rank' } } }, { op: 'aggregate' }] })).toBe(false)
    expect(lossy({ steps: [{ op: 'aggregate' }, { op: 'normalise' }] })).toBe(false)
    expect(lossy({ steps: [{ op: 'normalise' }] })).toBe(false)
    expect(lossy({ steps: [{ op: 'magic' }, { op: 'normalise' }, { op: 'aggregate' }] })).toBe(false)
    expect(lossy({ steps: [{ op: 'normalise' }, { op: 'aggregate', weights: { a: 2 } }] })).toBe(false)
    expect(lossy('nonsense')).toBe(false)
  })

  it('checks the form before a round trip', () => {
    const f = defaultSpecForm()
    expect(checkSpecForm(f, [], 3)).toEqual([])
    f.impute = { enabled: true, method: 'mean_group', group: '' }
    f.normalise = { method: 'dist2ref', params: [], ref: '' }
    f.aggregate.perLevel = true
    f.aggregate.byLevel = ['amean']
    expect(checkSpecForm(f, ['grp'], 4).map(([field]) => field)).toEqual(['impute.group', 'normalise.ref', 'aggregate.byLevel'])
    f.impute.group = 'nope'
    expect(checkSpecForm(f, ['grp'], 4)[0]).toEqual(['impute.group', 'groupUnknown'])
    f.aggregate.byLevel = resizeByLevel(f, 4)
    expect(f.aggregate.byLevel).toEqual(['amean', 'amean', 'amean'])
  })
})

describe('vary from the form', () => {
  it('writes the factors chosen, in the spec\'s shape', () => {
    const v = defaultVaryForm()
    expect(varyFromForm(v)).toEqual({ vary: [{ factor: 'weights', noise: [{ level: 2, factor: 0.25 }], sets: 100 }] })
    v.aggregate = { enabled: true, methods: ['amean', 'genmean'], p: 3 }
    v.normalise.enabled = true
    v.normalise.choices = [{ method: 'minmax', params: [1, 100] }, { method: 'rank', params: [] }]
    v.winmax = { enabled: true, values: [1, 2] }
    v.impute.enabled = true
    expect(varyFromForm(v).vary).toEqual([
      { factor: 'winmax', values: [1, 2] },
      { factor: 'normalise', values: [{ method: 'minmax', params: [1, 100] }, { method: 'rank' }] },
      { factor: 'weights', noise: [{ level: 2, factor: 0.25 }], sets: 100 },
      { factor: 'aggregate', values: [{ method: 'amean' }, { method: 'genmean', p: 3 }] },
      { factor: 'impute', values: [true, false] },
    ])
    expect(plannedRuns(v)).toBe(1000)
    v.sensitivity = true
    v.runs = 100
    expect(plannedRuns(v)).toBe(100 * (5 + 2))
  })

  it('refuses factors the spec cannot vary and runs out of range', () => {
    const v = defaultVaryForm()
    const spec = defaultSpecForm()
    expect(checkVaryForm(v, spec, 20000)).toEqual([])
    v.winmax.enabled = true
    v.impute.enabled = true
    v.runs = 20001
    expect(checkVaryForm(v, spec, 20000).map(([f, k]) => `${f}:${k}`)).toEqual(['runs:runsRange', 'vary.winmax:needsTreat', 'vary.impute:needsImpute'])
    const none = defaultVaryForm()
    none.weights.enabled = false
    expect(checkVaryForm(none, spec, 20000)).toEqual([['vary', 'oneFactor']])
  })
})

const RESULTS: IndexResults = {
  units: ['A', 'B', 'C', 'D'],
  columns: ['Index', 'P1'],
  scores: { Index: [50, 70, null, 60], P1: [1, 2, 3, 4] },
  ranks: { Index: [3, 1, null, 2], P1: [4, 3, 2, 1] },
  rank: [3, 1, null, 2],
}

describe('chart data', () => {
  it('bars the top aggregate best first, without missing scores', () => {
    expect(indexBars(RESULTS)).toEqual({ units: ['B', 'D', 'A'], scores: [70, 60, 50] })
    expect(indexBars({ ...RESULTS, columns: [] })).toEqual({ units: [], scores: [] })
  })

  it('sorts the uncertainty series by nominal rank with the interval as base + span', () => {
    const s = uncertaintySeries({
      units: ['A', 'B', 'C'], nominal: [2, 1, 3], mean: [2, 1.2, 2.8], median: [2, 1, 3], q5: [1, 1, 2], q95: [3, 2, null],
    })
    expect(s.units).toEqual(['B', 'A', 'C'])
    expect(s.nominal).toEqual([1, 2, 3])
    expect(s.q5).toEqual([1, 1, 2])
    expect(s.span).toEqual([1, 2, null])
    expect(s.q95).toEqual([2, 3, null])
  })

  it('turns correlations into heatmap cells, leaving out undefined ones, optionally for some codes', () => {
    const c = { codes: ['a', 'b', 'P'], r: [[1, 0.123, null], [0.123, 1, -0.5], [null, -0.5, 1]] }
    const all = heatmapCells(c)
    expect(all.codes).toEqual(['a', 'b', 'P'])
    expect(all.cells).toHaveLength(7)
    expect(all.cells).toContainEqual([0, 1, 0.12])
    expect(all.cells).not.toContainEqual(expect.arrayContaining([0, 2]))
    expect(heatmapCells(c, ['b', 'P'])).toEqual({ codes: ['b', 'P'], cells: [[0, 0, 1], [0, 1, -0.5], [1, 0, -0.5], [1, 1, 1]] })
  })

  it('makes the framework a tree whose leaves are sized by effective weight', () => {
    const rows: FrameworkRow[] = [
      { code: 'a', name: 'Alpha', level: 1, parent: 'P', direction: 1, weight: 1, effective_weight: 0.25 },
      { code: 'b', name: 'Beta', level: 1, parent: 'P', direction: -1, weight: 3, effective_weight: 0.75 },
      { code: 'P', name: 'Pillar', level: 2, parent: 'Index', direction: 1, weight: 1, effective_weight: 1 },
      { code: 'Index', name: 'The index', level: 3, parent: null, direction: 1, weight: 1, effective_weight: 1 },
    ]
    const tree = sunburstTree(rows)
    expect(tree).toHaveLength(1)
    expect(tree[0]!.name).toBe('Index')
    expect(tree[0]!.value).toBeUndefined()
    const leaves = tree[0]!.children![0]!.children!
    expect(leaves.map((l) => [l.name, l.value, l.fullName])).toEqual([['a', 0.25, 'Alpha'], ['b', 0.75, 'Beta']])
    // A cycle in a malformed framework does not recurse forever.
    expect(sunburstTree([{ ...rows[3]!, parent: null }, { ...rows[2]!, parent: 'Index' }, { ...rows[3]!, code: 'Index', parent: 'P' }])).toHaveLength(1)
  })

  it('pairs Si and STi with their intervals per factor', () => {
    const b = sensitivityBars([
      { factor: 'weights', si: 0.2, sti: 0.4, si_q5: 0.1, si_q95: 0.3, sti_q5: 0.35, sti_q95: 0.45 },
      { factor: 'aggregate', si: 0.5, sti: 0.6, si_q5: null, si_q95: null, sti_q5: 0.5, sti_q95: 0.7 },
    ])
    expect(b.factors).toEqual(['weights', 'aggregate'])
    expect(b.si).toEqual([0.2, 0.5])
    expect(b.siInterval).toEqual([[0, 0.1, 0.3]])
    expect(b.stiInterval).toEqual([[0, 0.35, 0.45], [1, 0.5, 0.7]])
  })
})

describe('results, what-if and profile', () => {
  it('lists units with their scores, ranked first, searchable by code or name', () => {
    const rows = resultRows(RESULTS, { A: 'Austria', B: 'Belgium' })
    expect(rows[0]).toEqual({ unit: 'A', name: 'Austria', rank: 3, scores: { Index: 50, P1: 1 }, ranks: { Index: 3, P1: 4 } })
    expect(filterRows(rows, '').map((r) => r.unit)).toEqual(['B', 'D', 'A', 'C'])
    expect(filterRows(rows, 'bel').map((r) => r.unit)).toEqual(['B'])
    expect(filterRows(rows, 'd').map((r) => r.unit)).toEqual(['D'])
    expect([3, null, 1].sort(compareNullable)).toEqual([1, 3, null])
  })

  it('gives one unit\'s score and rank per aggregate', () => {
    expect(unitScores(RESULTS, 'D')).toEqual([{ column: 'Index', score: 60, rank: 2 }, { column: 'P1', score: 4, rank: 1 }])
    expect(unitScores(RESULTS, 'nope')).toEqual([])
  })

  it('lists the units whose rank moved, largest move first', () => {
    const moved = movedUnits({
      units: ['A', 'B', 'C', 'D'], score_before: [1, 2, 3, 4], score_after: [1, 5, 3, 0],
      rank_before: [4, 3, 2, 1], rank_after: [4, 1, 2, 3], rank_change: [0, -2, null, 2],
    })
    expect(moved.map((r) => [r.unit, r.change])).toEqual([['B', -2], ['D', 2]])
    expect(moved[0]).toMatchObject({ scoreBefore: 2, scoreAfter: 5, rankBefore: 3, rankAfter: 1 })
  })

  it('sends only changed values and weights', () => {
    expect(changedEntries({ a: 1, b: 2, c: null }, { a: 1, b: 3, c: 4 })).toEqual({ b: 2, c: null })
    expect(changedEntries({ a: 1 }, { a: 1 })).toEqual({})
  })
})

describe('formatting and downloads', () => {
  it('formats scores and shares, with a dash for missing values', () => {
    expect(formatNumber(1234.5678)).toBe('1,234.57')
    expect(formatNumber(3, 0)).toBe('3')
    expect(formatNumber(null)).toBe('—')
    expect(formatNumber(Number.NaN)).toBe('—')
    expect(formatShare(0.875)).toBe('87.5%')
  })

  it('takes the file name from Content-Disposition', () => {
    expect(attachmentName('attachment; filename="index-results.xlsx"', 'x.xlsx')).toBe('index-results.xlsx')
    expect(attachmentName("attachment; filename*=UTF-8''%E6%8C%87%E6%95%B0.xlsx", 'x.xlsx')).toBe('指数.xlsx')
    expect(attachmentName(null, 'x.xlsx')).toBe('x.xlsx')
  })
})
