// The index studio's form state ↔ the spec.json and vary.json documents of docs/index-engine.md.
// The form covers the usual choices; anything else (per-indicator overrides, forced screening,
// weight overrides…) is kept by the raw JSON editor, so formFromSpec says when it cannot show a
// spec without losing part of it.

export const IMPUTE_METHODS = ['mean', 'median', 'mean_group', 'median_group'] as const
export const SCREEN_BY = ['NA', 'zeros', 'NA_and_zeros'] as const
export const NORMALISE_METHODS = [
  'minmax', 'zscore', 'rank', 'prank', 'borda', 'dist2max', 'dist2ref', 'dist2targ', 'fracmax', 'goalposts', 'scaled', 'none',
] as const
export const AGGREGATE_METHODS = ['amean', 'gmean', 'hmean', 'genmean', 'copeland', 'wmedian'] as const

export type ImputeMethod = (typeof IMPUTE_METHODS)[number]
export type ScreenBy = (typeof SCREEN_BY)[number]
export type NormaliseMethod = (typeof NORMALISE_METHODS)[number]
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number]

/** Default params of the methods that take them (the server's defaults; goalposts has none). */
export const NORMALISE_PARAMS: Partial<Record<NormaliseMethod, number[]>> = {
  minmax: [0, 100], zscore: [0, 1], scaled: [0, 100], goalposts: [0, 100, 100],
}

export function paramCount(method: NormaliseMethod): number {
  return NORMALISE_PARAMS[method]?.length ?? 0
}

export interface SpecForm {
  denominate: boolean
  impute: { enabled: boolean; method: ImputeMethod; group: string }
  screen: { enabled: boolean; by: ScreenBy; threshold: number }
  treat: { enabled: boolean; winmax: number; skew: number; kurt: number; fallback: 'log' | 'none' }
  normalise: { method: NormaliseMethod; params: number[]; ref: string }
  /** perLevel: byLevel[i] is the method of level i + 2. */
  aggregate: { method: AggregateMethod; p: number; perLevel: boolean; byLevel: AggregateMethod[] }
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
export type SpecStep = { op: string; [key: string]: Json }
export interface SpecJson { steps: SpecStep[] }

/** COINr's plain defaults: minmax [0,100] then the arithmetic mean, no other step. */
export function defaultSpecForm(): SpecForm {
  return {
    denominate: false,
    impute: { enabled: false, method: 'mean', group: '' },
    screen: { enabled: false, by: 'NA', threshold: 2 / 3 },
    treat: { enabled: false, winmax: 5, skew: 2, kurt: 3.5, fallback: 'log' },
    normalise: { method: 'minmax', params: [0, 100], ref: '' },
    aggregate: { method: 'amean', p: 2, perLevel: false, byLevel: [] },
  }
}

/** The aggregate methods per level resized to levels 2..`levels` (new levels take the one method). */
export function resizeByLevel(form: SpecForm, levels: number): AggregateMethod[] {
  const n = Math.max(0, levels - 1)
  return Array.from({ length: n }, (_, i) => form.aggregate.byLevel[i] ?? form.aggregate.method)
}

export function specFromForm(form: SpecForm): SpecJson {
  const steps: SpecStep[] = []
  if (form.denominate) steps.push({ op: 'denominate' })
  if (form.impute.enabled) {
    const s: SpecStep = { op: 'impute', method: form.impute.method }
    if (form.impute.method.endsWith('_group')) s.group = form.impute.group
    steps.push(s)
  }
  if (form.screen.enabled) steps.push({ op: 'screen', by: form.screen.by, threshold: form.screen.threshold })
  if (form.treat.enabled) {
    const t = form.treat
    steps.push({ op: 'treat', winmax: t.winmax, skew: t.skew, kurt: t.kurt, fallback: t.fallback })
  }
  const n = form.normalise
  const norm: SpecStep = { op: 'normalise', method: n.method }
  const count = paramCount(n.method)
  if (count > 0) norm.params = n.params.slice(0, count)
  if (n.method === 'dist2ref') norm.ref = n.ref
  steps.push(norm)
  const a = form.aggregate
  const agg: SpecStep = { op: 'aggregate' }
  if (a.perLevel && a.byLevel.length) agg.by_level = [...a.byLevel]
  else agg.method = a.method
  const methods = a.perLevel ? a.byLevel : [a.method]
  if (methods.includes('genmean')) agg.p = a.p
  steps.push(agg)
  return { steps }
}

const ORDER = ['denominate', 'impute', 'screen', 'treat', 'normalise', 'aggregate']
const FORM_KEYS: Record<string, readonly string[]> = {
  denominate: ['op'],
  impute: ['op', 'method', 'group'],
  screen: ['op', 'by', 'threshold'],
  treat: ['op', 'winmax', 'skew', 'kurt', 'fallback'],
  normalise: ['op', 'method', 'params', 'ref'],
  aggregate: ['op', 'method', 'p', 'by_level'],
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v)

/**
 * A spec (saved definition, raw editor) shown in the form. `lossless` is false when the spec uses
 * something the form cannot show (an extra key, an unknown op, a different order, a repeated
 * step): the studio then keeps the JSON editor open so nothing is dropped.
 */
export function formFromSpec(spec: unknown): { form: SpecForm; lossless: boolean } {
  const form = defaultSpecForm()
  if (spec === null || spec === undefined) return { form, lossless: true }
  const steps = (spec as SpecJson)?.steps
  if (typeof spec !== 'object' || !Array.isArray(steps)) return { form, lossless: false }
  let lossless = Object.keys(spec).every((k) => k === 'steps')
  let last = -1
  let sawNormalise = false
  let sawAggregate = false
  for (const raw of steps) {
    const s = raw as SpecStep
    const pos = ORDER.indexOf(s?.op)
    if (pos <= last) { lossless = false; if (pos < 0) continue }
    last = Math.max(last, pos)
    if (Object.keys(s).some((k) => !FORM_KEYS[s.op]!.includes(k))) lossless = false
    switch (s.op) {
      case 'denominate': form.denominate = true; break
      case 'impute':
        form.impute.enabled = true
        if (oneOf(IMPUTE_METHODS, s.method)) form.impute.method = s.method
        else if (s.method !== undefined) lossless = false
        if (typeof s.group === 'string') form.impute.group = s.group
        break
      case 'screen':
        form.screen.enabled = true
        if (oneOf(SCREEN_BY, s.by)) form.screen.by = s.by
        if (isNum(s.threshold)) form.screen.threshold = s.threshold
        break
      case 'treat':
        form.treat.enabled = true
        if (isNum(s.winmax)) form.treat.winmax = s.winmax
        if (isNum(s.skew)) form.treat.skew = s.skew
        if (isNum(s.kurt)) form.treat.kurt = s.kurt
        if (s.fallback === 'log' || s.fallback === 'none') form.treat.fallback = s.fallback
        break
      case 'normalise':
        sawNormalise = true
        if (oneOf(NORMALISE_METHODS, s.method)) form.normalise.method = s.method
        form.normalise.params = Array.isArray(s.params) && s.params.every(isNum)
          ? [...s.params] : [...(NORMALISE_PARAMS[form.normalise.method] ?? [])]
        if (typeof s.ref === 'string') form.normalise.ref = s.ref
        break
      case 'aggregate':
        sawAggregate = true
        if (oneOf(AGGREGATE_METHODS, s.method)) form.aggregate.method = s.method
        if (isNum(s.p)) form.aggregate.p = s.p
        if (Array.isArray(s.by_level)) {
          form.aggregate.perLevel = true
          form.aggregate.byLevel = s.by_level.filter((m): m is AggregateMethod => oneOf(AGGREGATE_METHODS, m))
        }
        break
      default:
        lossless = false
    }
  }
  // The form always sends a normalise and an aggregate step; a spec without them is not the same.
  if (!sawNormalise || !sawAggregate) lossless = false
  return { form, lossless }
}

/** Problems the form can see before asking the server, as [field, i18n key under indexStudio.check]. */
export function checkSpecForm(form: SpecForm, groups: readonly string[], levels: number): Array<[string, string]> {
  const out: Array<[string, string]> = []
  if (form.impute.enabled && form.impute.method.endsWith('_group') && !form.impute.group) out.push(['impute.group', 'groupRequired'])
  if (form.impute.enabled && form.impute.group && groups.length && form.impute.method.endsWith('_group') && !groups.includes(form.impute.group)) {
    out.push(['impute.group', 'groupUnknown'])
  }
  if (form.screen.enabled && !(form.screen.threshold >= 0 && form.screen.threshold <= 1)) out.push(['screen.threshold', 'between01'])
  if (form.treat.enabled && !(Number.isInteger(form.treat.winmax) && form.treat.winmax >= 0)) out.push(['treat.winmax', 'wholeNumber'])
  if (form.treat.enabled && !(form.treat.skew > 0)) out.push(['treat.skew', 'positive'])
  const count = paramCount(form.normalise.method)
  if (form.normalise.params.slice(0, count).length < count || form.normalise.params.slice(0, count).some((v) => !Number.isFinite(v))) {
    out.push(['normalise.params', 'paramsNeeded'])
  }
  if (form.normalise.method === 'dist2ref' && !form.normalise.ref) out.push(['normalise.ref', 'refRequired'])
  if (form.aggregate.perLevel && form.aggregate.byLevel.length !== Math.max(0, levels - 1)) out.push(['aggregate.byLevel', 'oneMethodPerLevel'])
  return out
}

// ---- vary.json (uncertainty factors) ----

export interface NormaliseChoice { method: NormaliseMethod; params: number[] }

export interface VaryForm {
  weights: { enabled: boolean; noise: Array<{ level: number; factor: number }>; sets: number }
  aggregate: { enabled: boolean; methods: AggregateMethod[]; p: number }
  normalise: { enabled: boolean; choices: NormaliseChoice[] }
  winmax: { enabled: boolean; values: number[] }
  impute: { enabled: boolean }
  runs: number
  seed: number
  sensitivity: boolean
}

/** The JRC audit's design: weights ±25 % at the pillar level; the other factors off until chosen. */
export function defaultVaryForm(): VaryForm {
  return {
    weights: { enabled: true, noise: [{ level: 2, factor: 0.25 }], sets: 100 },
    aggregate: { enabled: false, methods: ['amean', 'gmean'], p: 2 },
    normalise: { enabled: false, choices: [{ method: 'minmax', params: [1, 100] }, { method: 'zscore', params: [10, 2] }] },
    winmax: { enabled: false, values: [1, 2, 3, 4, 5] },
    impute: { enabled: false },
    runs: 1000,
    seed: 1,
    sensitivity: false,
  }
}

export function varyFromForm(form: VaryForm): { vary: Array<Record<string, Json>> } {
  const vary: Array<Record<string, Json>> = []
  if (form.winmax.enabled) vary.push({ factor: 'winmax', values: [...form.winmax.values] })
  if (form.normalise.enabled) {
    vary.push({
      factor: 'normalise',
      values: form.normalise.choices.map((c): Json => {
        const n = paramCount(c.method)
        return n ? { method: c.method, params: c.params.slice(0, n) } : { method: c.method }
      }),
    })
  }
  if (form.weights.enabled) {
    vary.push({ factor: 'weights', noise: form.weights.noise.map((n) => ({ level: n.level, factor: n.factor })), sets: form.weights.sets })
  }
  if (form.aggregate.enabled) {
    vary.push({
      factor: 'aggregate',
      values: form.aggregate.methods.map((m): Json => (m === 'genmean' ? { method: m, p: form.aggregate.p } : { method: m })),
    })
  }
  if (form.impute.enabled) vary.push({ factor: 'impute', values: [true, false] })
  return { vary }
}

/** Problems before sending, as [field, i18n key under indexStudio.check]. */
export function checkVaryForm(form: VaryForm, spec: SpecForm, maxRuns: number): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const any = form.weights.enabled || form.aggregate.enabled || form.normalise.enabled || form.winmax.enabled || form.impute.enabled
  if (!any) out.push(['vary', 'oneFactor'])
  if (!(Number.isInteger(form.runs) && form.runs >= 1 && form.runs <= maxRuns)) out.push(['runs', 'runsRange'])
  if (!(Number.isInteger(form.seed) && form.seed >= 0)) out.push(['seed', 'wholeNumber'])
  if (form.winmax.enabled && !spec.treat.enabled) out.push(['vary.winmax', 'needsTreat'])
  if (form.impute.enabled && !spec.impute.enabled) out.push(['vary.impute', 'needsImpute'])
  if (form.weights.enabled && (form.weights.noise.length === 0 || form.weights.noise.some((n) => !(n.factor >= 0 && n.factor < 1)))) {
    out.push(['vary.weights', 'noiseRange'])
  }
  if (form.aggregate.enabled && form.aggregate.methods.length === 0) out.push(['vary.aggregate', 'chooseOne'])
  if (form.normalise.enabled && form.normalise.choices.length === 0) out.push(['vary.normalise', 'chooseOne'])
  if (form.winmax.enabled && form.winmax.values.length === 0) out.push(['vary.winmax', 'chooseOne'])
  return out
}

/** Runs the server will make: N without sensitivity, N·(d + 2) with it (d = factors varied). */
export function plannedRuns(form: VaryForm): number {
  if (!form.sensitivity) return form.runs
  const d = varyFromForm(form).vary.length
  return form.runs * (d + 2)
}
