// The registry part of the mock server (docs/api.md "Registry"): every kind of registry-kinds.json
// (GET /registry/kinds as the real server answers it) served generically from memory, with the
// checks the browser test relies on (required, types, credit-code check digits, natural keys,
// references, 409 on delete) and field errors as codes with params, as the server sends them; enterprise self-service
// (an enterprise account's POST/PATCH of its enterprise and years answered 202 with a submission,
// GET /submissions, approve, reject).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { creditCode, creditCodeProblem } from './credit_code.mjs'
import { scopePrefix } from './region_scope.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
export const KINDS = JSON.parse(readFileSync(path.join(here, 'registry-kinds.json'), 'utf8')).kinds
const WRITERS = ['admin', 'staff']
const READERS = { region_statistics: ['admin', 'staff', 'reviewer', 'viewer'] }
const READERS_DEFAULT = ['admin', 'staff', 'reviewer', 'viewer', 'enterprise']
/** Kinds an enterprise account files for confirmation (the server's submit_roles); `create` as it allows. */
const SUBMIT = { enterprises: { create: false }, enterprise_years: { create: true } }

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z')

export function seedRegistry() {
  const reg = {
    records: Object.fromEntries(KINDS.map((k) => [k.name, []])), history: new Map(), nextId: {}, nextAudit: 1,
    submissions: [], nextSubmission: 1,
  }
  const add = (kind, values) => insert(reg, KINDS.find((k) => k.name === kind), values, 'admin')
  const a = add('enterprises', { credit_code: '91350100M000100Y43', name: '福州示例科技有限公司', region_code: '350102',
    town: '鼓东街道', industry_code: 'I6513', registered_on: '2015-06-18', registered_capital: '5000', above_size: true, tech_field: '1' })
  const b = add('enterprises', { credit_code: creditCode(20240001), name: '闽江新材料股份有限公司', region_code: '350104',
    industry_code: 'C2651', registered_on: '2009-03-02', registered_capital: '12800.5', above_size: true, tech_field: '4' })
  add('enterprises', { credit_code: creditCode(20240002), name: '榕城生物医药有限公司', region_code: '350111',
    registered_on: '2019-11-11', registered_capital: '800.25', above_size: false, tech_field: '2' })
  add('enterprise_years', { enterprise_id: a.id, year: 2024, sales_revenue: '23456.78', gross_income: '24010', rd_total: '1520.3', employees: 312 })
  add('enterprise_years', { enterprise_id: a.id, year: 2023, sales_revenue: '19870.1', gross_income: '20330', rd_total: '1288', employees: 287 })
  add('enterprise_years', { enterprise_id: b.id, year: 2024, sales_revenue: '56012', employees: 905 })
  add('hte_certificates', { enterprise_id: a.id, certificate_no: 'GR202335000123', issued_on: '2023-12-01', valid_until: '2026-11-30', status: 'valid' })
  add('region_statistics', { region_code: '350102', region_name: '鼓楼区', year: 2024, gdp: '17250000', resident_population: 688000 })
  return reg
}

function canRead(kind, role) { return (READERS[kind.name] ?? READERS_DEFAULT).includes(role) }

/** A field error as the server words it: code, params and the English message. */
const refusal = (code, message, params = {}) => ({ code, params, message })

function fieldProblem(reg, field, v) {
  if (v === null || v === undefined || v === '') return field.required ? refusal('field.required', 'is required') : null
  switch (field.type) {
    case 'text': return Buffer.byteLength(String(v)) > (field.max_length ?? 200)
      ? refusal('field.too_long', `must be at most ${field.max_length} bytes`, { max: field.max_length }) : null
    case 'integer': return !Number.isInteger(v) || v < field.min || v > field.max
      ? refusal('field.out_of_range', `must be from ${field.min} to ${field.max}`, { min: field.min, max: field.max }) : null
    case 'amount': return /^-?\d+(\.\d{1,4})?$/.test(String(v)) ? null : refusal('field.not_amount', 'must be a number (10k yuan)')
    case 'date': return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? null : refusal('field.not_date', 'must be a date YYYY-MM-DD')
    case 'boolean': return typeof v === 'boolean' ? null : refusal('field.not_boolean', 'must be true or false')
    case 'choice': {
      const allowed = field.choices.map((c) => c.value).join(', ')
      return field.choices.some((c) => c.value === String(v)) ? null : refusal('field.not_choice', `must be one of: ${allowed}`, { allowed })
    }
    case 'reference': {
      const target = KINDS.find((k) => k.name === field.references)
      return reg.records[field.references]?.some((r) => r.id === v) ? null
        : refusal('record.no_linked', `no ${target?.en} record with id ${v}`, { id: v, kind_zh: target?.zh, kind_en: target?.en })
    }
    case 'credit_code': return creditCodeProblem(v)
    case 'region_code': return /^\d{6}$/.test(String(v)) ? null
      : refusal('region_code.length', `a region code has 6 digits, got '${v}'`, { text: String(v) })
    case 'industry_code': return /^[A-T]?\d{0,4}$/i.test(String(v)) ? null
      : refusal('industry_code.format', `an industry code is a section letter and/or 2-4 digits: '${v}'`, { text: String(v) })
    default: return null
  }
}

function canonical(field, v) {
  if (v === undefined || v === null || v === '') return null
  if (field.type === 'amount') return String(Number(v)) === String(v) ? String(v) : String(v).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
  if (['credit_code', 'industry_code'].includes(field.type)) return String(v).trim().toUpperCase()
  return v
}

function validate(reg, kind, values, selfId) {
  const errors = []
  for (const f of kind.fields) {
    const problem = fieldProblem(reg, f, values[f.name])
    if (problem) errors.push({ field: f.name, ...problem })
  }
  if (errors.length === 0) {
    const key = (r) => kind.natural_key.map((n) => String(r[n])).join('\u0000')
    if (reg.records[kind.name].some((r) => r.id !== selfId && key(r) === key(values))) {
      errors.push({ field: kind.natural_key[0], ...refusal('record.duplicate_key', 'a record with this key already exists') })
    }
  }
  return errors
}

function record(kind, values, id, created, updated) {
  const r = { id }
  for (const f of kind.fields) r[f.name] = values[f.name] ?? null
  return { ...r, created_at: created, updated_at: updated }
}

function audit(reg, kind, id, actor, action, before, after) {
  const changes = kind.fields
    .filter((f) => (before?.[f.name] ?? null) !== (after?.[f.name] ?? null))
    .map((f) => ({ field: f.name, before: before?.[f.name] ?? null, after: after?.[f.name] ?? null }))
  const key = `${kind.name}/${id}`
  if (!reg.history.has(key)) reg.history.set(key, [])
  reg.history.get(key).push({ audit_id: reg.nextAudit++, at: now(), actor, action: `${kind.name}.${action}`, changes })
}

function insert(reg, kind, values, actor) {
  const id = (reg.nextId[kind.name] = (reg.nextId[kind.name] ?? 0) + 1)
  const t = now()
  const r = record(kind, values, id, t, t)
  reg.records[kind.name].push(r)
  audit(reg, kind, id, actor, 'create', null, r)
  return r
}

const scopeOf = (kind, values, id) => (kind.name === 'enterprises' ? id : values.enterprise_id)

/** Values as the server stores a submission's: text. */
const asText = (values) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]))

/** Text back to the field's type, for writing on approval. */
function typed(kind, values) {
  const out = {}
  for (const [k, v] of Object.entries(values)) {
    const f = kind.fields.find((x) => x.name === k)
    if (!f || v === '') out[k] = v === '' ? null : v
    else if (['integer', 'reference'].includes(f.type)) out[k] = Number(v)
    else if (f.type === 'boolean') out[k] = v === 'true'
    else out[k] = v
  }
  return out
}

function fileSubmission(reg, kind, id, body, user, send, fail) {
  if (!user.enterprise_id) return fail(403, 'forbidden', `Your account may not file ${kind.en}.`)
  if (id === null && !SUBMIT[kind.name].create) return fail(403, 'forbidden', 'Enterprise accounts cannot register new enterprises; the bureau does.')
  let merged
  const given = {}
  for (const f of kind.fields) if (f.name in body) given[f.name] = canonical(f, body[f.name])
  if (id !== null) {
    const current = reg.records[kind.name].find((r) => r.id === id)
    if (!current) return fail(404, 'not_found', `No record ${id} in ${kind.en}.`)
    if (scopeOf(kind, current, id) !== user.enterprise_id) return fail(403, 'forbidden', 'This record belongs to another enterprise.')
    merged = { ...current, ...given }
  } else {
    merged = Object.fromEntries(kind.fields.map((f) => [f.name, given[f.name] ?? null]))
  }
  if (scopeOf(kind, merged, id) !== user.enterprise_id) return fail(403, 'forbidden', 'Enterprise accounts may only file their own enterprise\'s records.')
  const errors = validate(reg, kind, merged, id)
  if (errors.length) return fail(422, 'validation', `${errors.length} fields are invalid.`, errors)
  const values = id === null ? Object.fromEntries(Object.entries(given).filter(([, v]) => v !== null)) : given
  const s = {
    id: reg.nextSubmission++, kind: kind.name, record_id: id, enterprise_id: user.enterprise_id, values: asText(values),
    status: 'pending', submitted_by: user.username, submitted_at: now(), decided_by: null, decided_at: null, note: null,
    result_record_id: null,
  }
  reg.submissions.push(s)
  return send(202, { submission: s })
}

/** Answers /submissions… (docs/api.md "Enterprise self-service"); returns false for other paths. */
export function submissionsApi({ method: m, path: p, url, body, user, reg, send, fail }) {
  if (!p.startsWith('/submissions')) return false
  const staff = ['admin', 'staff'].includes(user.role)
  if (m === 'GET' && p === '/submissions') {
    if (!staff && !(user.role === 'enterprise' && user.enterprise_id)) { fail(403, 'forbidden', 'not allowed'); return true }
    const status = url.searchParams.get('status') ?? ''
    const out = reg.submissions
      .filter((s) => (staff || s.enterprise_id === user.enterprise_id) && (!status || s.status === status))
      .slice().reverse()
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    const size = Math.min(200, Math.max(1, Number(url.searchParams.get('page_size') ?? 20)))
    send(200, { items: out.slice((page - 1) * size, page * size), total: out.length, page, page_size: size })
    return true
  }
  const match = /^\/submissions\/(\d+)\/(approve|reject)$/.exec(p)
  if (!match || m !== 'POST') { fail(404, 'not_found', `no route ${m} ${p}`); return true }
  if (!staff) { fail(403, 'forbidden', 'Only bureau staff confirm submissions.'); return true }
  const s = reg.submissions.find((x) => x.id === Number(match[1]))
  if (!s) { fail(404, 'not_found', `No submission ${match[1]}.`); return true }
  if (s.status !== 'pending') { fail(409, 'conflict', `This submission was already ${s.status}.`); return true }
  if (match[2] === 'reject') {
    Object.assign(s, { status: 'rejected', decided_by: user.username, decided_at: now(), note: String(body.note ?? '') })
    send(200, { submission: s })
    return true
  }
  const kind = KINDS.find((k) => k.name === s.kind)
  const values = typed(kind, s.values)
  let written
  if (s.record_id === null) {
    const full = Object.fromEntries(kind.fields.map((f) => [f.name, values[f.name] ?? null]))
    const errors = validate(reg, kind, full, null)
    if (errors.length) { fail(422, 'validation', `${errors.length} fields are invalid.`, errors); return true }
    written = insert(reg, kind, full, user.username)
  } else {
    const rows = reg.records[kind.name]
    const at = rows.findIndex((r) => r.id === s.record_id)
    if (at < 0) { fail(422, 'validation', 'The record no longer exists.', [{ field: 'id', message: '记录已不存在 / the record no longer exists' }]); return true }
    const current = rows[at]
    const merged = { ...current, ...values }
    const errors = validate(reg, kind, merged, s.record_id)
    if (errors.length) { fail(422, 'validation', `${errors.length} fields are invalid.`, errors); return true }
    written = record(kind, merged, s.record_id, current.created_at, now())
    rows[at] = written
    audit(reg, kind, s.record_id, user.username, 'update', current, written)
  }
  Object.assign(s, { status: 'approved', decided_by: user.username, decided_at: now(), result_record_id: written.id })
  send(200, { submission: s })
  return true
}

function compare(a, b) {
  if (a === b) return 0
  if (a === null || a === undefined) return -1
  if (b === null || b === undefined) return 1
  const na = Number(a); const nb = Number(b)
  if (typeof a !== 'boolean' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb
  return String(a).localeCompare(String(b), 'zh-CN')
}

/**
 * Answers /registry/… for a signed-in user; returns false for other paths. `send(status, body)`
 * writes JSON, `fail(status, code, detail, errors)` a problem.
 */
/** Whether a record lies in the district/city/province `region` (null: everywhere), by its kind's region_scope. */
function inRegion(reg, kind, r, region) {
  if (!region) return true
  const prefix = scopePrefix(region)
  const via = kind.region_scope
  if (via === 'region_code') return r.region_code === null || String(r.region_code).startsWith(prefix)
  const ref = kind.fields.find((f) => f.name === via)
  const parent = ref && reg.records[ref.references]?.find((x) => x.id === r[via])
  const parentKind = ref && KINDS.find((k) => k.name === ref.references)
  return !parent || inRegion(reg, parentKind, parent, region)
}

export function registryApi({ method: m, path: p, url, body, user, region = null, reg, send, fail }) {
  if (!p.startsWith('/registry/')) return false
  const readable = KINDS.filter((k) => canRead(k, user.role))
  const writable = WRITERS.includes(user.role)
  if (m === 'GET' && p === '/registry/kinds') {
    const submit = (k) => (user.role === 'enterprise' && SUBMIT[k.name] ? { submit: { create: SUBMIT[k.name].create, edit: true } } : {})
    send(200, { kinds: readable.map((k) => ({ ...k, writable, ...submit(k) })) })
    return true
  }
  const match = /^\/registry\/([a-z_]+)(?:\/(\d+)(\/history)?)?$/.exec(p)
  const kind = match && KINDS.find((k) => k.name === match[1])
  if (!kind) { fail(404, 'not_found', `No registry kind named ${match?.[1] ?? p}.`); return true }
  if (!canRead(kind, user.role)) { fail(403, 'forbidden', 'not allowed'); return true }
  const rows = reg.records[kind.name]
  const id = match[2] ? Number(match[2]) : null
  if (user.role === 'enterprise' && SUBMIT[kind.name] && !match[3] &&
      ((m === 'POST' && id === null) || (m === 'PATCH' && id !== null))) {
    fileSubmission(reg, kind, id, body, user, send, fail)
    return true
  }
  if (m !== 'GET' && !writable) { fail(403, 'forbidden', 'not allowed'); return true }

  if (id === null && m === 'GET') {
    const q = (url.searchParams.get('q') ?? '').trim().toLowerCase()
    let out = rows.filter((r) => inRegion(reg, kind, r, region)).filter((r) => !q || kind.fields.some((f) => f.searchable && String(r[f.name] ?? '').toLowerCase().includes(q)))
    for (const f of kind.fields.filter((x) => x.filterable)) {
      const v = url.searchParams.get(f.name)
      if (v !== null && v !== '') out = out.filter((r) => String(r[f.name]) === v)
    }
    const sort = url.searchParams.get('sort') ?? ''
    if (sort) {
      const name = sort.replace(/^-/, '')
      if (!['id', 'created_at', 'updated_at', ...kind.fields.map((f) => f.name)].includes(name)) {
        fail(422, 'validation', `sort: cannot sort by ${name}`, [{ field: 'sort', ...refusal('list.cannot_sort', `cannot sort by ${name}`, { name }) }])
        return true
      }
      out = out.slice().sort((a, b) => (sort.startsWith('-') ? -1 : 1) * compare(a[name], b[name]))
    }
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    const size = Math.min(200, Math.max(1, Number(url.searchParams.get('page_size') ?? 20)))
    send(200, { items: out.slice((page - 1) * size, page * size), total: out.length, page, page_size: size })
    return true
  }
  if (id === null && m === 'POST') {
    const values = Object.fromEntries(kind.fields.map((f) => [f.name, canonical(f, body[f.name])]))
    const errors = validate(reg, kind, values, null)
    if (errors.length) { fail(422, 'validation', `${errors.length} fields are invalid.`, errors); return true }
    send(201, insert(reg, kind, values, user.username))
    return true
  }
  const at = rows.findIndex((r) => r.id === id)
  if (match[3] && m === 'GET') {
    send(200, { items: reg.history.get(`${kind.name}/${id}`) ?? [] })
    return true
  }
  if (at < 0) {
    fail(404, 'not_found', `No record ${id} in ${kind.en}.`, undefined,
      { message: 'no_record', params: { id, kind_zh: kind.zh, kind_en: kind.en } })
    return true
  }
  const current = rows[at]
  if (m === 'GET') { send(200, current); return true }
  if (m === 'PATCH') {
    const values = { ...current }
    for (const f of kind.fields) if (f.name in body) values[f.name] = canonical(f, body[f.name])
    const errors = validate(reg, kind, values, id)
    if (errors.length) { fail(422, 'validation', `${errors.length} fields are invalid.`, errors); return true }
    const updated = record(kind, values, id, current.created_at, now())
    rows[at] = updated
    audit(reg, kind, id, user.username, 'update', current, updated)
    send(200, updated)
    return true
  }
  if (m === 'DELETE') {
    const dependent = KINDS.some((k) => k.fields.some((f) => f.type === 'reference' && f.references === kind.name &&
      reg.records[k.name].some((r) => r[f.name] === id)))
    if (dependent) {
      fail(409, 'conflict', 'Other records depend on this one (for example years or certificates of an enterprise); delete those first.',
        undefined, { message: 'has_dependants' })
      return true
    }
    rows.splice(at, 1)
    audit(reg, kind, id, user.username, 'delete', current, null)
    send(204, undefined)
    return true
  }
  fail(405, 'method_not_allowed', `${m} not allowed`)
  return true
}
