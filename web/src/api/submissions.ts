// Enterprise self-service (docs/api.md "Enterprise self-service"): the submissions an enterprise
// account files instead of writing, and the staff's approve / reject.
import { api } from './client'
import type { FieldValue } from './registry'
import type { Page, PageQuery } from './types'

export type SubmissionStatus = 'pending' | 'approved' | 'rejected'

export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['pending', 'approved', 'rejected']

export interface Submission {
  id: number
  kind: string
  /** The record changed; null for a new record. */
  record_id: number | null
  enterprise_id: number
  /** The values filed, by field name (the server sends them as text). */
  values: Record<string, FieldValue>
  status: SubmissionStatus | (string & {})
  submitted_by: string
  submitted_at: string
  decided_by: string | null
  decided_at: string | null
  note: string | null
  /** The record written on approval. */
  result_record_id: number | null
}

/** True for a registry POST/PATCH answered 202 `{submission}` (records always carry `id`). */
export function isSubmissionAnswer(answer: unknown): answer is { submission: Submission } {
  if (typeof answer !== 'object' || answer === null || !('submission' in answer)) return false
  const s = (answer as { submission: unknown }).submission
  return typeof s === 'object' && s !== null && typeof (s as Submission).id === 'number'
}

export function listSubmissions(status: SubmissionStatus | '', page: PageQuery): Promise<Page<Submission>> {
  return api.get<Page<Submission>>('/submissions', { query: { status: status || undefined, ...page } })
}

export async function approveSubmission(id: number): Promise<Submission> {
  return (await api.post<{ submission: Submission }>(`/submissions/${id}/approve`, {})).submission
}

export async function rejectSubmission(id: number, note: string): Promise<Submission> {
  return (await api.post<{ submission: Submission }>(`/submissions/${id}/reject`, { note })).submission
}
