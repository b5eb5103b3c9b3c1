import { describe, expect, it } from 'vitest'
import type { FieldDef, KindDef } from '@/api/registry'
import {
  actionVerb, bilingual, buildBody, buildListQuery, checkField, chooseColumns, columnAlign, emptyForm,
  emptyListState, fromFormValue, formatValue, formFromRecord, groupDigits, inputSpec, labelOf,
  labelWithUnit, langOf, recordLabel, recordTitle, relatedLists, routeQueryFrom, sortParam, sortState,
  stateFromRoute, toFormValue, unitText, columnsStorageKey, readChosenColumns, visibleColumns, basisPointsText, displayUnit, districtThrough,
} from '@/utils/registry'
import { importContentType } from '@/api/registry'
import { KINDS, kindOf } from './registry_fixture'

const enterprises = kindOf('enterprises')
const years = kindOf('enterprise_years')
const certificates = kindOf('hte_certificates')
const regions = kindOf('region_statistics')
const field = (kind: KindDef, name: string): FieldDef => kind.fields.find((f) => f.name === name)!
const names = (fields: FieldDef[]) => fields.map((f) => f.name)
const words = { yes: 'Yes', no: 'No' }

/** A kind the front end has never seen, with a field type it does not know. */
const GADGETS: KindDef = {
  name: 'gadgets', zh: '器件', en: 'Gadgets', natural_key: ['serial'], title_field: 'label', writable: false,
  fields: [
    { name: 'serial', type: 'text', zh: '序列号', en: 'Serial', required: true, unit: '', searchable: true, filterable: true, max_length: 30 },
    { name: 'notes', type: 'text', zh: '备注', en: 'Notes', required: false, unit: '', searchable: true, filterable: false, max_length: 2000, multiline: true },
    { name: 'label', type: 'text', zh: '名称', en: 'Label', required: true, unit: '', searchable: true, filterable: false, max_length: 50 },
    { name: 'colour', type: 'colour', zh: '颜色', en: 'Colour', required: false, unit: '', searchable: false, filterable: true },
    { name: 'weight', type: 'integer', zh: '重量', en: 'Weight', required: false, unit: 'kg', searchable: false, filterable: false, min: 0, max: 1000 },
  ],
}

describe('bilingual server messages', () => {
  const msg = '统一社会信用代码应为18位，实际为3位 / must be 18 characters, got 3'

  it('shows the half of the current language', () => {
    expect(bilingual(msg, 'zh')).toBe('统一社会信用代码应为18位，实际为3位')
    expect(bilingual(msg, 'en')).toBe('must be 18 characters, got 3')
    expect(bilingual('必填 / is required', 'en')).toBe('is required')
  })

  it('keeps a message without " / " whole, and splits only at the first one', () => {
    expect(bilingual('cannot sort by bogus', 'zh')).toBe('cannot sort by bogus')
    expect(bilingual('a/b', 'en')).toBe('a/b')
    expect(bilingual('中文 / English / more', 'en')).toBe('English / more')
    expect(bilingual(' / only English', 'zh')).toBe('only English')
  })

  it('maps locales and labels', () => {
    expect(langOf('zh-CN')).toBe('zh')
    expect(langOf('en')).toBe('en')
    expect(labelOf(enterprises, 'zh')).toBe('企业')
    expect(labelOf(enterprises, 'en')).toBe('Enterprises')
    expect(labelOf({ zh: '仅中文', en: '' }, 'en')).toBe('仅中文')
    expect(labelWithUnit('注册资本', '万元', 'zh')).toBe('注册资本（万元）')
    expect(labelWithUnit('Registered capital', '10k yuan', 'en')).toBe('Registered capital (10k yuan)')
    expect(labelWithUnit('Name', '', 'en')).toBe('Name')
    expect(unitText('万元', (k) => `<${k}>`)).toBe('<registry.units.tenThousandYuan>')
    expect(unitText('kg', (k) => `<${k}>`)).toBe('kg')
  })
})

describe('rates in basis points', () => {
  const rate: FieldDef = { name: 'rate_bp', type: 'integer', zh: '年利率', en: 'Annual rate', required: false, unit: '基点', searchable: false, filterable: false }
  it('show as percent with two decimals, exactly', () => {
    expect(formatValue(rate, 568, 'zh', words)).toBe('5.68%')
    expect(formatValue(rate, 500, 'en', words)).toBe('5.00%')
    expect(formatValue(rate, 5, 'en', words)).toBe('0.05%')
    expect(formatValue(rate, -25, 'en', words)).toBe('-0.25%')
    expect(basisPointsText(1234)).toBe('12.34%')
  })
  it('head their column with %, other units as declared', () => {
    expect(displayUnit(rate)).toBe('%')
    expect(displayUnit(field(enterprises, 'registered_capital'))).toBe('万元')
  })
})

describe('list columns', () => {
  it('start with the title and natural key, then typed fields in declaration order', () => {
    expect(names(chooseColumns(enterprises))).toEqual(
      ['name', 'credit_code', 'region_code', 'industry_code', 'registered_on', 'registered_capital'])
  })

  it('follow the natural key order when the title is part of it', () => {
    expect(names(chooseColumns(years)).slice(0, 2)).toEqual(['enterprise_id', 'year'])
    expect(names(chooseColumns(certificates))).toEqual(
      ['certificate_no', 'enterprise_id', 'issued_on', 'valid_until', 'status', 'revoked_on'])
    expect(names(chooseColumns(regions)).slice(0, 3)).toEqual(['region_name', 'region_code', 'year'])
  })

  it('put a declared total right after the key, so the R&D total shows among the amounts', () => {
    const rdTotal: FieldDef = { name: 'rd_total', type: 'amount', zh: '研发费用总额', en: 'R&D total', required: false, unit: '万元', searchable: false, filterable: false }
    const withTotal: KindDef = { ...years, fields: [...years.fields, rdTotal], sums: [{ total: 'rd_total', parts: ['rd_personnel'] }] }
    expect(names(chooseColumns(withTotal, 3))).toEqual(['enterprise_id', 'year', 'rd_total'])
    expect(names(chooseColumns({ ...withTotal, sums: undefined }, 3))).not.toContain('rd_total')
  })

  it('respect the maximum and exclusions, and never show long texts', () => {
    expect(chooseColumns(years, 4)).toHaveLength(4)
    expect(names(chooseColumns(years, 6, ['enterprise_id']))[0]).toBe('year')
    expect(names(chooseColumns(GADGETS))).toEqual(['label', 'serial', 'colour', 'weight'])
  })

  it('right-align amounts and counts, not a year in the natural key', () => {
    expect(columnAlign(field(enterprises, 'registered_capital'))).toBe('right')
    expect(columnAlign(field(years, 'employees'), years)).toBe('right')
    expect(columnAlign(field(years, 'year'), years)).toBe('left')
    expect(columnAlign(field(enterprises, 'name'))).toBe('left')
    expect(columnAlign(field(enterprises, 'above_size'))).toBe('center')
  })
})

describe('integer display', () => {
  const words = { yes: '是', no: '否' }
  const count: FieldDef = { name: 'resident_population', type: 'integer', zh: '常住人口', en: 'Resident population', required: false, unit: '人', searchable: false, filterable: false }
  const year: FieldDef = { ...count, name: 'year', zh: '年度', en: 'Year', unit: '' }
  it('groups the digits of counts but not of years', () => {
    expect(formatValue(count, 1234567, 'zh', words)).toBe('1,234,567')
    expect(formatValue(count, 999, 'zh', words)).toBe('999')
    expect(formatValue(year, 2013, 'zh', words)).toBe('2013')
  })
})

describe('chosen columns', () => {
  const store = (value: string | null) => ({ getItem: () => value })
  it('are remembered per user and kind', () => {
    expect(columnsStorageKey('wang', 'enterprises')).toBe('kc.columns.wang.enterprises')
    expect(columnsStorageKey('li', 'enterprises')).not.toBe(columnsStorageKey('wang', 'enterprises'))
  })
  it('keep only fields the kind still declares, in declaration order', () => {
    const chosen = readChosenColumns(store(JSON.stringify(['name', 'gone', 'credit_code'])), 'k', enterprises)
    expect(chosen).toEqual(['name', 'credit_code'])
    expect(visibleColumns(enterprises, chosen).map((f) => f.name)).toEqual(['credit_code', 'name'])
  })
  it('fall back to the default choice when nothing valid was saved', () => {
    for (const saved of [null, 'not json', '{}', '[]', JSON.stringify(['gone'])]) {
      expect(readChosenColumns(store(saved), 'k', enterprises)).toBeNull()
    }
    expect(visibleColumns(enterprises, null)).toEqual(chooseColumns(enterprises))
  })
  it('send a file to the importer with its type', () => {
    expect(importContentType('years.XLSX')).toMatch(/spreadsheetml/)
    expect(importContentType('years.csv')).toBe('text/csv')
  })
})

describe('list query', () => {
  it('sends paging always and only the search, sort and filters that are set', () => {
    expect(buildListQuery(enterprises, emptyListState())).toEqual({ page: 1, page_size: 20 })
    const state = {
      q: '  acme ', sort: '-registered_capital', page: 3, pageSize: 50,
      filters: { above_size: 'true', tech_field: '2', region_code: ' ', name: 'not filterable' },
    }
    expect(buildListQuery(enterprises, state)).toEqual({
      page: 3, page_size: 50, q: 'acme', sort: '-registered_capital', above_size: 'true', tech_field: '2',
    })
  })

  it('drops a sort by an unknown field but allows the system fields', () => {
    expect(buildListQuery(enterprises, { ...emptyListState(), sort: 'bogus' }).sort).toBeUndefined()
    expect(buildListQuery(enterprises, { ...emptyListState(), sort: '-created_at' }).sort).toBe('-created_at')
    expect(buildListQuery(enterprises, { ...emptyListState(), sort: 'id' }).sort).toBe('id')
  })

  it('maps Element Plus sorting both ways', () => {
    expect(sortParam('name', 'ascending')).toBe('name')
    expect(sortParam('name', 'descending')).toBe('-name')
    expect(sortParam('name', null)).toBe('')
    expect(sortParam(null, 'ascending')).toBe('')
    expect(sortState('-name')).toEqual({ prop: 'name', order: 'descending' })
    expect(sortState('year')).toEqual({ prop: 'year', order: 'ascending' })
    expect(sortState('')).toBeUndefined()
  })

  it('round-trips through the URL, leaving out defaults and ignoring junk', () => {
    const state = stateFromRoute(years, { enterprise_id: '7', year: ['2024', '2023'], sort: '-year', page: '2', q: 'x', bogus: '1' })
    expect(state).toEqual({ q: 'x', sort: '-year', page: 2, pageSize: 20, filters: { enterprise_id: '7', year: '2024' } })
    expect(routeQueryFrom(years, state)).toEqual({ q: 'x', sort: '-year', page: '2', enterprise_id: '7', year: '2024' })
    expect(routeQueryFrom(years, emptyListState())).toEqual({})
    expect(stateFromRoute(years, { page: '-1', page_size: '9999', sort: 'nope' }))
      .toEqual({ q: '', sort: '', page: 1, pageSize: 200, filters: {} })
  })
})

describe('form field mapping', () => {
  it('chooses an input per field type', () => {
    expect(inputSpec(field(enterprises, 'name'))).toMatchObject({ kind: 'text', maxLength: 200 })
    expect(inputSpec(field(enterprises, 'former_names'))).toMatchObject({ kind: 'textarea', maxLength: 500 })
    // The server marks years (calendar_year): a year picker with the field's range.
    expect(inputSpec(field(years, 'year'))).toMatchObject({ kind: 'year', min: 1949, max: 2100 })
    expect(inputSpec(field(years, 'employees'))).toMatchObject({ kind: 'integer', min: 0, unit: '人' })
    expect(inputSpec(field(enterprises, 'registered_capital'))).toMatchObject({ kind: 'amount', unit: '万元' })
    expect(inputSpec(field(enterprises, 'registered_on')).kind).toBe('date')
    expect(inputSpec(field(enterprises, 'above_size')).kind).toBe('boolean')
    expect(inputSpec(field(enterprises, 'tech_field'))).toMatchObject({ kind: 'choice' })
    expect(inputSpec(field(enterprises, 'tech_field')).choices).toHaveLength(8)
    expect(inputSpec(field(years, 'enterprise_id'))).toMatchObject({ kind: 'reference', references: 'enterprises' })
    for (const code of ['credit_code', 'industry_code']) {
      expect(inputSpec(field(enterprises, code)).kind).toBe('code')
    }
    expect(inputSpec(field(enterprises, 'region_code')).kind).toBe('region')
    expect(inputSpec(field(GADGETS, 'colour')).kind).toBe('text') // unknown types are edited as text
  })

  it('converts stored values to input values and back', () => {
    const amount = field(enterprises, 'registered_capital')
    expect(toFormValue(amount, '4000.1234')).toBe('4000.1234')
    expect(toFormValue(amount, null)).toBe('')
    expect(fromFormValue(amount, ' 1,234.5 ')).toBe('1234.5')
    expect(fromFormValue(amount, '')).toBeNull()
    const year = field(years, 'year')
    expect(toFormValue(year, 2024)).toBe(2024)
    expect(toFormValue(year, null)).toBeNull()
    expect(fromFormValue(year, null)).toBeNull()
    const ref = field(years, 'enterprise_id')
    expect(toFormValue(ref, '7')).toBe(7) // from a URL
    const flag = field(enterprises, 'above_size')
    expect(toFormValue(flag, null)).toBeNull()
    expect(fromFormValue(flag, false)).toBe(false)
    const name = field(enterprises, 'name')
    expect(fromFormValue(name, '  Acme  ')).toBe('Acme')
    expect(fromFormValue(name, '   ')).toBeNull()
    expect(fromFormValue(field(enterprises, 'credit_code'), ' 91350100m000100y43 ')).toBe('91350100m000100y43')
    expect(toFormValue(field(enterprises, 'tech_field'), null)).toBeNull()
    expect(fromFormValue(field(enterprises, 'registered_on'), '2020-01-02')).toBe('2020-01-02')
  })

  it('creates with the filled fields only', () => {
    const form = { ...emptyForm(enterprises), credit_code: '91350100M000100Y43', name: ' Acme ', registered_capital: '12.5' }
    expect(buildBody(enterprises, form, null)).toEqual({ credit_code: '91350100M000100Y43', name: 'Acme', registered_capital: '12.5' })
  })

  it('updates with the changed fields only, null clearing a field', () => {
    const record = {
      id: 3, credit_code: '91350100M000100Y43', name: 'Acme', registered_capital: '1234.5', above_size: null,
      tech_field: '2', town: 'Gulou', registered_on: '2020-01-02',
    }
    const form = formFromRecord(enterprises, record)
    expect(buildBody(enterprises, form, record)).toEqual({})
    form.name = 'Acme Ltd'
    form.town = ''
    form.tech_field = null
    form.above_size = true
    form.registered_capital = '1234.50'
    expect(buildBody(enterprises, form, record)).toEqual({
      name: 'Acme Ltd', town: null, tech_field: null, above_size: true, registered_capital: '1234.50',
    })
  })

  it('checks required fields, amounts, lengths and ranges before the server does', () => {
    expect(checkField(field(enterprises, 'name'), '  ')).toEqual({ key: 'registry.invalid.required' })
    expect(checkField(field(enterprises, 'town'), '')).toBeNull()
    expect(checkField(field(enterprises, 'registered_capital'), '12.12345')).toEqual({ key: 'registry.invalid.amount' })
    expect(checkField(field(enterprises, 'registered_capital'), 'abc')).toEqual({ key: 'registry.invalid.amount' })
    expect(checkField(field(enterprises, 'registered_capital'), '-3.1234')).toBeNull()
    expect(checkField(field(enterprises, 'contact_phone'), 'x'.repeat(51)))
      .toEqual({ key: 'registry.invalid.tooLong', params: { max: 50 } })
    expect(checkField(field(years, 'year'), 1800)).toEqual({ key: 'registry.invalid.range', params: { min: 1949, max: 2100 } })
    expect(checkField(field(years, 'year'), 2024)).toBeNull()
  })

  it('edits decimal scores as exact strings within their range', () => {
    const score: FieldDef = { name: 'transfer', type: 'decimal', zh: '科技成果转化能力', en: 'Technology transfer',
      required: true, unit: '分', searchable: false, filterable: false, min: 0, max: 30 }
    expect(inputSpec(score)).toMatchObject({ kind: 'amount', min: 0, max: 30, unit: '分' })
    expect(fromFormValue(score, ' 23.4 ')).toBe('23.4')
    expect(checkField(score, '23.4')).toBeNull()
    expect(checkField(score, '30')).toBeNull()
    expect(checkField(score, '30.5')).toEqual({ key: 'registry.invalid.range', params: { min: 0, max: 30 } })
    expect(checkField(score, '1.23456')).toEqual({ key: 'registry.invalid.amount' })
    expect(columnAlign(score)).toBe('right')
    expect(formatValue(score, '23.4', 'en', words)).toBe('23.4')
  })
})

describe('display', () => {
  it('formats values by type', () => {
    expect(formatValue(field(enterprises, 'registered_capital'), '1234567.1234', 'zh', words)).toBe('1,234,567.1234')
    expect(formatValue(field(enterprises, 'above_size'), true, 'en', words)).toBe('Yes')
    expect(formatValue(field(enterprises, 'above_size'), false, 'en', words)).toBe('No')
    expect(formatValue(field(enterprises, 'tech_field'), '2', 'zh', words)).toBe('生物与新医药')
    expect(formatValue(field(enterprises, 'tech_field'), '2', 'en', words)).toBe('biology and new medicine')
    expect(formatValue(field(enterprises, 'tech_field'), '99', 'en', words)).toBe('99')
    expect(formatValue(field(years, 'enterprise_id'), 7, 'en', words)).toBe('#7')
    expect(formatValue(field(enterprises, 'town'), null, 'en', words)).toBe('')
    expect(groupDigits('-1000')).toBe('-1,000')
    expect(groupDigits('999')).toBe('999')
    expect(groupDigits('n/a')).toBe('n/a')
  })

  it('names records by their title and natural key', () => {
    const acme = { id: 1, name: 'Acme', credit_code: '91350100M000100Y43' }
    expect(recordTitle(enterprises, acme, 'en', words)).toBe('Acme')
    expect(recordLabel(enterprises, acme, 'en', words)).toBe('Acme (91350100M000100Y43)')
    expect(recordTitle(enterprises, { id: 9, name: null }, 'en', words)).toBe('#9')
    expect(recordLabel(years, { id: 2, enterprise_id: 1, year: 2024 }, 'en', words)).toBe('2024')
  })

  it('finds the kinds that point at a kind', () => {
    expect(relatedLists(KINDS, 'enterprises').map((r) => `${r.kind.name}.${r.field.name}`))
      .toEqual(['enterprise_years.enterprise_id', 'hte_certificates.enterprise_id'])
    expect(relatedLists(KINDS, 'region_statistics')).toEqual([])
  })

  it('reads the verb of an audit action', () => {
    expect(actionVerb('enterprises.update')).toBe('update')
    expect(actionVerb('create')).toBe('create')
  })
})

describe('districtThrough', () => {
  const placed = (name: string, scope: string): KindDef => ({ ...kindOf(name), region_scope: scope })
  const kinds = new Map([['enterprises', placed('enterprises', 'region_code')]])
  const lookup = (name: string) => kinds.get(name)

  it("gives the reference and the enterprise's district field for a kind placed through its enterprise", () => {
    const through = districtThrough(placed('enterprise_years', 'enterprise_id'), lookup)
    expect(through?.via.name).toBe('enterprise_id')
    expect(through?.district.name).toBe('region_code')
  })

  it('gives nothing for a kind with a district field of its own, none, or an unknown target', () => {
    expect(districtThrough(placed('enterprises', 'region_code'), lookup)).toBeNull()
    expect(districtThrough(kindOf('enterprise_years'), lookup)).toBeNull()
    expect(districtThrough(placed('enterprise_years', 'enterprise_id'), () => undefined)).toBeNull()
  })
})
