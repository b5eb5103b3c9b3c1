// The district figures part of the mock server (docs/api.md "District figures"): GET
// /districts/figures?year= for the bureau roles, the districts of 福州市 inside the caller's scope
// (or the header's district), their figures for 2012 and 2013 (later years answer with nulls:
// 2013 is the latest with data, as in the demo), and the total of 2+ districts — sums, and the
// ratio recomputed from the sums as the server does.
import { scopePrefix } from './region_scope.mjs'

const READERS = ['admin', 'staff', 'reviewer', 'viewer']

export const FIGURES = [
  { code: 'enterprises', label: { zh: '企业数', en: 'Enterprises' }, unit: { zh: '家', en: '' }, additive: true, decimals: 0 },
  { code: 'hte', label: { zh: '高新技术企业', en: 'High-tech enterprises' }, unit: { zh: '家', en: '' }, additive: true, decimals: 0 },
  { code: 'employees', label: { zh: '从业人员', en: 'Employees' }, unit: { zh: '人', en: 'people' }, additive: true, decimals: 0 },
  { code: 'rd_total', label: { zh: 'R&D经费支出', en: 'R&D expenditure' }, unit: { zh: '万元', en: '10k yuan' }, additive: true, decimals: 2 },
  { code: 'gdp', label: { zh: '地区生产总值', en: 'GDP' }, unit: { zh: '万元', en: '10k yuan' }, additive: true, decimals: 2 },
  { code: 'rd_gdp', label: { zh: 'R&D经费投入强度', en: 'R&D intensity' }, unit: { zh: '%', en: '%' }, additive: false, decimals: 2 },
]

// [code, name, enterprises, hte, employees, rd_total (万元), gdp (万元)] of 2013; 2012 is 92 % of it.
const DISTRICTS = [
  ['350102', '鼓楼区', 2400, 318, 186500, '91800.0000', '3400000.0000'],
  ['350103', '台江区', 1650, 142, 97320, '38250.5000', '1850000.0000'],
  ['350104', '仓山区', 2110, 265, 153800, '76420.2500', '2600000.0000'],
  ['350105', '马尾区', 980, 176, 88410, '65010.0000', '1520000.5000'],
  ['350111', '晋安区', 1870, 150, 121900, '41200.7500', '2150000.0000'],
  ['350112', '长乐区', 1320, 98, 110250, null, '2950000.0000'],
]

const toUnits = (s) => BigInt(String(s).replace('.', '')) // 4 decimals → integer ten-thousandths
const fromUnits = (n) => { const s = n.toString().padStart(5, '0'); return `${s.slice(0, -4)}.${s.slice(-4)}` }
const scaleMoney = (s, pct) => (s === null ? null : fromUnits((toUnits(s) * BigInt(pct)) / 100n))

function ratio(rd, gdp) {
  if (rd === null || gdp === null || toUnits(gdp) === 0n) return null
  return (Number(toUnits(rd)) / Number(toUnits(gdp)) * 100).toFixed(2)
}

function valuesOf(row, year) {
  if (year !== 2012 && year !== 2013) {
    return Object.fromEntries(FIGURES.map((f) => [f.code, null]))
  }
  const pct = year === 2013 ? 100 : 92
  const [, , enterprises, hte, employees, rd, gdp] = row
  const count = (n) => Math.round((n * pct) / 100)
  const rdTotal = scaleMoney(rd, pct); const gdpTotal = scaleMoney(gdp, pct)
  return { enterprises: count(enterprises), hte: count(hte), employees: count(employees), rd_total: rdTotal, gdp: gdpTotal, rd_gdp: ratio(rdTotal, gdpTotal) }
}

function total(rows) {
  const sum = (code) => {
    const present = rows.map((r) => r.values[code]).filter((v) => v !== null)
    if (present.length === 0) return null
    return typeof present[0] === 'number' ? present.reduce((a, b) => a + b, 0) : fromUnits(present.reduce((a, b) => a + toUnits(b), 0n))
  }
  const values = Object.fromEntries(FIGURES.filter((f) => f.additive).map((f) => [f.code, sum(f.code)]))
  values.rd_gdp = ratio(values.rd_total, values.gdp)
  return values
}

/** Answers GET /districts/figures; returns false for other paths. */
export function districtsApi({ method: m, path: p, url, user, region, send, fail }) {
  if (p !== '/districts/figures') return false
  if (m !== 'GET') { fail(405, 'method_not_allowed', 'GET only'); return true }
  if (!READERS.includes(user.role)) { fail(403, 'forbidden', 'bureau users only'); return true }
  const raw = url.searchParams.get('year') ?? ''
  const year = Number(raw)
  if (!/^\d{4}$/.test(raw) || year < 1949 || year > 2100) {
    fail(422, 'validation', 'year: must be a year from 1949 to 2100', [{ field: 'year', code: 'field.year_range', params: { min: 1949, max: 2100 }, message: 'must be a year from 1949 to 2100' }])
    return true
  }
  const prefix = scopePrefix(region)
  const rows = year < 2012 ? [] : DISTRICTS.filter(([code]) => code.startsWith(prefix))
    .map((r) => ({ region_code: r[0], region_name: r[1], values: valuesOf(r, year) }))
  const answer = { year, figures: FIGURES, districts: rows }
  if (rows.length >= 2) answer.total = { region_code: prefix.length >= 4 ? prefix.slice(0, 4) : '3501', values: total(rows) }
  send(200, answer)
  return true
}
