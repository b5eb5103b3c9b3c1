// Policy rules (§6.3 documents for one registry enterprise), cultivation (梯队培育) and the
// district's local programmes (区级政策): api.md "Rules", "Cultivation", "Local programmes".
import { api, linkUrl } from './client'

export interface Bilingual { zh: string; en: string }
export type ConditionStatus = 'pass' | 'fail' | 'unknown'
export type Policy = 'hte' | 'sme'

/** What a condition's value and threshold measure, as the server declares it (api.md "Rules"). */
export type ConditionUnit = 'days' | 'share' | 'count' | 'people' | 'points' | 'none'
export interface RuleCondition {
  code: string
  status: ConditionStatus
  value: number | null
  threshold: number | null
  unit: ConditionUnit
  detail: Bilingual
}
export interface RuleGap {
  code: string
  field: string
  years: number[]
  amount: number | null
  count: number | null
  date?: string | null
  fixable: boolean
  text: Bilingual
}
export interface RuleResult {
  id: string
  verdict: string
  failed: string[]
  conditions: RuleCondition[]
  score: Record<string, unknown> | null
  gaps: RuleGap[]
}
/** The stored expert review that completed the HTE score (bureau users only; null when none). */
export interface ExpertReviewRef { id: number; reviewed_on: string }
/** HTE only: the points each item can reach from the band the data gives (null band: the expert's). */
export interface ScoreRange {
  items: Array<{ item: string; band: string | null; min: number; max: number }>
  total_min: number
  total_max: number
  pass_mark_exclusive: number
}
export interface RuleDocument {
  policy: string
  as_of: string
  results: RuleResult[]
  expert_review?: ExpertReviewRef | null
  score_range?: ScoreRange | null
  /** Set when the version was applied to a date before it took effect (past years of a district). */
  policy_note?: Bilingual | null
}

export function getEnterpriseRules(policy: Policy, id: number | string, asOf: string): Promise<RuleDocument> {
  return api.get<RuleDocument>(`/rules/${policy}/enterprises/${id}`, { query: { as_of: asOf } })
}

export type Category = 'certified' | 'candidate' | 'within_reach' | 'far' | 'incomplete'
export const CATEGORIES: readonly Category[] = ['certified', 'candidate', 'within_reach', 'far', 'incomplete']
export interface CultivationItem {
  enterprise_id: number
  name: string
  credit_code: string
  category: Category
  verdict: string
  failed: string[]
  gaps: Array<{ code: string } & Bilingual>
}
export interface Cultivation {
  policy: string
  policy_note?: Bilingual | null
  as_of: string
  counts: Record<Category, number>
  items: CultivationItem[]
}
export function getCultivation(asOf: string): Promise<Cultivation> {
  return api.get<Cultivation>('/cultivation/hte', { query: { as_of: asOf } })
}
export function cultivationXlsxUrl(asOf: string): string {
  return linkUrl('/cultivation/hte', { as_of: asOf, format: 'xlsx' })
}

/** The cultivation ladder, highest first (docs/api.md "Cultivation"). */
export type Tier = 'leading' | 'hte' | 'sme' | 'none'
export const TIERS: readonly Tier[] = ['leading', 'hte', 'sme', 'none']
/** Where a flow may also start: enterprises founded during the year. */
export type FlowSource = Tier | 'not_registered'
export interface TierCount extends Record<Tier, number> { year: number }
export interface TierFlow { from_year: number; to_year: number; from: FlowSource; to: Tier; count: number }
export interface TierFlows { from_year: number; to_year: number; tiers: Tier[]; counts: TierCount[]; flows: TierFlow[] }
export function getTierFlows(from: number, to: number): Promise<TierFlows> {
  return api.get<TierFlows>('/cultivation/tiers', { query: { from, to } })
}
export function tierXlsxUrl(from: number, to: number): string {
  return linkUrl('/cultivation/tiers', { from, to, format: 'xlsx' })
}

export interface Deadline extends Bilingual { what: string; due: string; enterprises: number }
export interface ExpiringCertificate { certificate_no: string; enterprise_id: number; name: string; valid_until: string }
export interface Deadlines {
  year: number
  deadlines: Deadline[]
  certificates_expiring: ExpiringCertificate[]
  annual_report_due: ExpiringCertificate[]
}
export function deadlinesXlsxUrl(year: number): string {
  return linkUrl('/cultivation/deadlines', { year, format: 'xlsx' })
}
export function getDeadlines(year: number): Promise<Deadlines> {
  return api.get<Deadlines>('/cultivation/deadlines', { query: { year } })
}

export interface ProgrammeCondition extends Bilingual { code: string; expr: string }
export interface ProgrammeDefinition extends Bilingual {
  code: string
  kind: 'tier' | 'subsidy'
  conditions: ProgrammeCondition[]
  subsidy?: (Bilingual & { amount: string; cap: number | null }) | null
}
export interface Programme { id: number; code: string; definition: ProgrammeDefinition; updated_by?: string; updated_at?: string }
export interface ProgrammeFact extends Bilingual { name: string; type: string; unit: string }
export interface Comparison { text: string; status: ConditionStatus; value: number | null; threshold: number | null }
export interface ProgrammeConditionResult extends ProgrammeCondition {
  status: ConditionStatus
  comparisons: Comparison[]
  facts: Array<Bilingual & { name: string; unit: string; value: number | boolean | null }>
}
export interface ProgrammeEvaluation {
  programme: string
  as_of: string
  data_year: number
  enterprise_id: number
  verdict: 'qualified' | 'not_qualified' | 'needs_review'
  conditions: ProgrammeConditionResult[]
  subsidy?: { amount: number | null; capped: boolean } | null
}

export function listProgrammes(): Promise<{ items: Programme[] }> {
  return api.get<{ items: Programme[] }>('/programmes')
}
export function listFacts(): Promise<{ facts: ProgrammeFact[] }> {
  return api.get<{ facts: ProgrammeFact[] }>('/programmes/facts')
}
export function evaluateProgramme(id: number, enterprise: number | string, asOf: string): Promise<ProgrammeEvaluation> {
  return api.get<ProgrammeEvaluation>(`/programmes/${id}/enterprises/${enterprise}`, { query: { as_of: asOf } })
}
export function createProgramme(def: ProgrammeDefinition): Promise<Programme> {
  return api.post<Programme>('/programmes', def)
}
export function updateProgramme(id: number, def: ProgrammeDefinition): Promise<Programme> {
  return api.put<Programme>(`/programmes/${id}`, def)
}
export function deleteProgramme(id: number): Promise<void> {
  return api.delete<void>(`/programmes/${id}`)
}
