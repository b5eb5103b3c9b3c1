// The indicators part of the mock server (docs/api.md "Indicators"): part of the catalogue as the
// server ships it, the values of the districts of 福州市 for 2011–2013 (nothing recorded before or
// after: 404 indicator_no_data, as in the demo), a city's or province's value as the server
// computes it (additive values summed over the districts, ratios recomputed from the summed parts,
// a statistic unknown when a district lacks it), the series with the change on the year before,
// and the records behind a value. The mock lists at most 1,000 records a group (the server
// 50,000), so the truncated notice can be seen.
import { scopePrefix } from './region_scope.mjs'

const READERS = ['admin', 'staff', 'reviewer', 'viewer']
const HOME = '350102' // the district computed for a caller without a region, as `kechuang demo` sets one
const YEARS = [2011, 2012, 2013]
// A year's figures as a share of 2013's: the registry's grow faster than the statistics (so the
// ratios rise), and patent applications fell in 2013 (a move the wrong way).
const SCALE = { 2011: 85, 2012: 92, 2013: 100 }
const SCALE_OF = { gdp: { 2011: 93, 2012: 96, 2013: 100 }, population: { 2011: 98, 2012: 99, 2013: 100 },
  fiscal: { 2011: 90, 2012: 95, 2013: 100 }, patents: { 2011: 90, 2012: 106, 2013: 100 } }
const LIMIT = 1000
const UPDATED = '2026-11-20T08:00:00Z'

const entry = (code, zh, en, unit, measure, formula, basis_zh = '', basis_en = '') =>
  ({ code, zh, en, unit, direction: 1, measure, formula, basis_zh, basis_en, builtin: true, updated_at: null, updated_by: null })

export const CATALOGUE = [
  entry('rd_expenditure_enterprise', '企业研发经费支出', 'Enterprise R&D expenditure', '万元', 'amount',
    'sum(enterprise_years.rd_total where year = Y)', '登记口径：本区企业当年研发费用总额之和。',
    'Registry basis: the R&D totals of the region\'s enterprises for the year.'),
  entry('rd_gdp_enterprise', '研发经费占GDP比重（企业口径）', 'R&D as a share of GDP (enterprise basis)', '%', 'ratio',
    'indicator(rd_expenditure_enterprise) / stat(gdp) * 100', '企业研发经费支出 ÷ 地区生产总值。',
    'Enterprise R&D expenditure over the region\'s GDP.'),
  entry('hte_count', '高新技术企业数', 'High-tech enterprises', '家', 'count',
    "count_distinct(hte_certificates.enterprise_id where issued_on <= year_end and valid_until > year_end)",
    '12月31日持有有效证书的企业。', 'Enterprises holding a certificate in force on 31 December.'),
  entry('patent_applications', '专利申请量', 'Patent applications', '件', 'count', 'count(patents where in_year(filed_on))',
    '当年申请，各类专利。', 'Filed in the year, all kinds.'),
  entry('invention_patents_per_10k', '每万人发明专利拥有量', 'Invention patents per 10,000 people', '件/万人', 'ratio',
    'count(patents where kind = \'invention\' and status = \'valid\') / stat(resident_population) * 10000'),
  entry('tech_contract_turnover_outflow', '技术市场交易额（输出）', 'Technology-market turnover (outflow)', '万元', 'amount',
    'sum(tech_contracts.value where in_year(signed_on) and in_region(seller_region))'),
  entry('fiscal_st_share', '财政科技支出占比', 'Fiscal S&T expenditure share', '%', 'ratio',
    'stat(fiscal_st_expenditure) / stat(fiscal_expenditure) * 100'),
  entry('plan_projects_applied', '申报科技计划项目', 'Plan-project applications', '项', 'count', 'null',
    '计划项目登记上线后由其记录计算；此前为空值。', 'Computed from the plan-project records once they are kept; null until then.'),
]

// The districts' 2013 parts: [code, name, rd (万元, null: no R&D recorded), gdp (万元), hte,
// patent applications, valid invention patents, resident population, technology contracts
// (万元), fiscal S&T and fiscal expenditure (万元; null: the statistic is missing)].
const DISTRICTS = [
  ['350102', '鼓楼区', 91800, 3400000, 318, 1250, 2100, 688000, 25600.5, 52000, 1300000],
  ['350103', '台江区', 38250.5, 1850000, 142, 640, 800, 450000, 8000, 21000, 700000],
  ['350104', '仓山区', 76420.25, 2600000, 265, 980, 1500, 800000, 15000.25, 40000, 1000000],
  ['350105', '马尾区', 65010, 1520000.5, 176, 520, 900, 260000, 12000, 30000, 600000],
  ['350111', '晋安区', 41200.75, 2150000, 150, 700, 700, 790000, 9000, 18000, 900000],
  ['350112', '长乐区', null, 2950000, 98, 410, 400, 720000, 4000, null, 950000],
]

const round4 = (x) => Math.round(x * 1e4) / 1e4
function scale(x, year, integer, part) {
  if (x === null) return null
  const y = x * (SCALE_OF[part] ?? SCALE)[year] / 100
  return integer ? Math.round(y) : round4(y)
}

/** One district's parts in a year (counts as integers, amounts to 4 decimals). */
function partsOf(d, year) {
  const [code, name, rd, gdp, hte, patents, inventions, population, contracts, fiscalSt, fiscal] = d
  const s = (x, part, integer = false) => scale(x, year, integer, part)
  return { code, name, rd: s(rd, 'rd'), gdp: s(gdp, 'gdp'), hte: s(hte, 'hte', true), patents: s(patents, 'patents', true),
    inventions: s(inventions, 'inventions', true), population: s(population, 'population', true), contracts: s(contracts, 'contracts'),
    fiscalSt: year === 2011 ? null : s(fiscalSt, 'fiscalSt'), fiscal: s(fiscal, 'fiscal') }
}

/** A city's parts: aggregates summed over what is recorded; a statistic unknown when a district lacks it. */
function sumParts(list) {
  const aggregate = (k) => (list.some((p) => p[k] !== null) ? round4(list.reduce((a, p) => a + (p[k] ?? 0), 0)) : null)
  const statistic = (k) => (list.every((p) => p[k] !== null) ? round4(list.reduce((a, p) => a + p[k], 0)) : null)
  return { rd: aggregate('rd'), hte: aggregate('hte'), patents: aggregate('patents'), inventions: aggregate('inventions'),
    contracts: aggregate('contracts'), gdp: statistic('gdp'), population: statistic('population'),
    fiscalSt: statistic('fiscalSt'), fiscal: statistic('fiscal') }
}

const divide = (a, b, times) => (a === null || b === null || b === 0 ? null : round4((a / b) * times))

function valuesOf(p) {
  return {
    rd_expenditure_enterprise: p.rd,
    rd_gdp_enterprise: divide(p.rd, p.gdp, 100),
    hte_count: p.hte,
    patent_applications: p.patents,
    invention_patents_per_10k: divide(p.inventions, p.population, 10000),
    tech_contract_turnover_outflow: p.contracts,
    fiscal_st_share: divide(p.fiscalSt, p.fiscal, 100),
    plan_projects_applied: null,
  }
}

const districtsIn = (region) => DISTRICTS.filter(([code]) => code.startsWith(scopePrefix(region)))

/** The region's values in a year, or null when nothing is recorded for it. */
function compute(region, year) {
  const list = districtsIn(region)
  if (!YEARS.includes(year) || list.length === 0) return null
  return valuesOf(sumParts(list.map((d) => partsOf(d, year))))
}

// The records behind a value: a record per share, split from each district's parts.
const KIND_OF = { rd: 'enterprise_years', gdp: 'region_statistics', hte: 'hte_certificates', patents: 'patents',
  inventions: 'patents', population: 'region_statistics', contracts: 'tech_contracts', fiscalSt: 'region_statistics',
  fiscal: 'region_statistics' }
const SHARES = [0.4, 0.25, 0.15, 0.12, 0.08]
const COMPANIES = ['福州示例科技有限公司', '闽江新材料股份有限公司', '榕城生物医药有限公司', '海峡智能装备有限公司', '鼓山信息技术有限公司']

function recordsOf(part, region, year, additive) {
  const out = []
  districtsIn(region).forEach((d, di) => {
    const p = partsOf(d, year)
    const value = p[part]
    if (value === null) return
    const kind = KIND_OF[part]
    const base = (di + 1) * 100000 + year * 10
    const add = (i, label, v, share) => out.push({ kind, id: base + i + 1, label, district: p.code, value: v,
      ...(additive ? { contributes: share } : {}), updated_at: UPDATED })
    if (kind === 'region_statistics') return add(0, `${p.name} ${year}`, value, value)
    if (part === 'hte' || part === 'patents' || part === 'inventions') {
      for (let i = 0; i < value; i++) add(i, `${p.name}-${kind === 'patents' ? 'ZL' : 'GR'}${year}${String(i + 1).padStart(5, '0')}`, 1, 1)
      return
    }
    let left = value
    SHARES.forEach((s, i) => {
      const v = i === SHARES.length - 1 ? round4(left) : round4(value * s)
      left -= v
      add(i, `${COMPANIES[i]}（${p.name}）${year}`, v, v)
    })
  })
  return { list: out.slice(0, LIMIT), truncated: out.length > LIMIT, count: out.length }
}

const PARTS = {
  rd_expenditure_enterprise: ['rd'], hte_count: ['hte'], patent_applications: ['patents'],
  tech_contract_turnover_outflow: ['contracts'], plan_projects_applied: [],
  rd_gdp_enterprise: ['rd', 'gdp'], invention_patents_per_10k: ['inventions', 'population'],
  fiscal_st_share: ['fiscalSt', 'fiscal'],
}

function explain(def, region, year, value) {
  const base = { code: def.code, year, region, value, unit: def.unit, formula: def.formula, truncated: false }
  const parts = PARTS[def.code]
  if (def.measure !== 'ratio') {
    const r = parts.length ? recordsOf(parts[0], region, year, true) : { list: [], truncated: false }
    return { ...base, truncated: r.truncated, records: r.list }
  }
  const n = recordsOf(parts[0], region, year, false); const d = recordsOf(parts[1], region, year, false)
  return { ...base, truncated: n.truncated || d.truncated, numerator: n.list, denominator: d.list }
}

function yearParam(url, name, fail) {
  const raw = url.searchParams.get(name) ?? ''
  const year = Number(raw)
  if (!/^\d{4}$/.test(raw) || year < 1949 || year > 2100) {
    fail(422, 'validation', `${name}: must be a year from 1949 to 2100`, [{ field: name, message: 'must be a year from 1949 to 2100' }])
    return null
  }
  return year
}

function pickCodes(url, fail) {
  const raw = url.searchParams.get('codes')
  if (!raw) return CATALOGUE
  const out = []
  for (const code of raw.split(',')) {
    const def = CATALOGUE.find((d) => d.code === code)
    if (!def) { fail(404, 'not_found', `No indicator ${code}.`, undefined, { message: 'indicator_unknown', params: { code } }); return null }
    out.push(def)
  }
  return out
}

/** Answers GET /indicators, /indicators/values, /indicators/series, /indicators/{code}/explain; false for other paths. */
export function indicatorsApi({ method: m, path: p, url, user, region: narrowed, send, fail }) {
  if (p !== '/indicators' && !p.startsWith('/indicators/')) return false
  if (m !== 'GET') { fail(405, 'method_not_allowed', 'the mock serves the catalogue read-only'); return true }
  if (!READERS.includes(user.role)) { fail(403, 'forbidden', 'bureau users only'); return true }
  const region = narrowed ?? HOME
  const noData = (year) => fail(404, 'not_found', `Nothing is recorded for ${region} in ${year}.`, undefined,
    { message: 'indicator_no_data', params: { region, year } })
  if (p === '/indicators') { send(200, { items: CATALOGUE }); return true }
  if (p === '/indicators/values') {
    const year = yearParam(url, 'year', fail); if (year === null) return true
    const defs = pickCodes(url, fail); if (!defs) return true
    const values = compute(region, year)
    if (!values) { noData(year); return true }
    const records = (code) => (PARTS[code] ?? []).reduce((n, part) => n + recordsOf(part, region, year, false).count, 0)
    send(200, { year, region, values: defs.map((d) => ({ code: d.code, value: values[d.code], unit: d.unit,
      records: records(d.code), updated_at: UPDATED })) })
    return true
  }
  if (p === '/indicators/series') {
    const from = yearParam(url, 'from', fail); if (from === null) return true
    const to = yearParam(url, 'to', fail); if (to === null) return true
    if (to < from) { fail(422, 'validation', 'to: must not be before from', [{ field: 'to', message: 'must not be before from' }]); return true }
    const defs = pickCodes(url, fail); if (!defs) return true
    const series = defs.map((d) => {
      let previous = compute(region, from - 1)?.[d.code] ?? null
      const points = []
      for (let y = from; y <= to; y++) {
        const value = compute(region, y)?.[d.code] ?? null
        const change = value === null || previous === null ? null : round4(value - previous)
        points.push({ year: y, value, change, growth: change === null || previous === 0 ? null : round4((change / previous) * 100) })
        previous = value
      }
      return { code: d.code, unit: d.unit, points }
    })
    send(200, { region, from, to, series })
    return true
  }
  const ex = /^\/indicators\/([a-z0-9_]+)\/explain$/.exec(p)
  if (!ex) { fail(404, 'not_found', `no route ${m} ${p}`); return true }
  const def = CATALOGUE.find((d) => d.code === ex[1])
  if (!def) { fail(404, 'not_found', `No indicator ${ex[1]}.`, undefined, { message: 'indicator_unknown', params: { code: ex[1] } }); return true }
  const year = yearParam(url, 'year', fail); if (year === null) return true
  const values = compute(region, year)
  if (!values) { noData(year); return true }
  send(200, explain(def, region, year, values[def.code]))
  return true
}
