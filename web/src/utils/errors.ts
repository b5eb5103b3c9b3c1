// Turns any thrown value into a translated, human-readable message.
import { ApiError, type FieldError, type MessageParams } from '@/api/client'

type Translate = (key: string, params?: Record<string, unknown>) => string
type HasKey = (key: string) => boolean

export const KNOWN_ERROR_CODES = [
  'validation', 'unauthenticated', 'forbidden', 'csrf', 'not_found', 'method_not_allowed',
  'malformed_json', 'payload_too_large', 'locked', 'throttled', 'password_change_required',
  'conflict', 'internal', 'network',
  // Size and time limits of files and analyses; their messages take the problem's `params`.
  'too_many_cells', 'too_many_fields', 'too_much_text', 'too_many_nodes', 'time_budget_exceeded',
  'analysis_too_large',
  'password_common', 'password_contains_name', 'username_taken', 'enterprise_not_found', 'enterprise_id_not_allowed',
  // The server's refusals of a request as such (limits, busy, another site).
  'disabled', 'audit_chain_broken', 'import_in_progress', 'heavy_request_limit', 'server_busy', 'too_many_connections',
  'too_many_bytes_in_flight', 'unsupported_media_type', 'bad_origin', 'bad_target', 'headers_too_large', 'storage_error',
  'storage_full', 'storage_read_only', 'unavailable',
] as const

// The figures a limit's message names ({limit, cells}, {seconds}, …), when the server sent them.
function problemParams(error: ApiError): Record<string, unknown> | undefined {
  const params = error.problem?.params
  return typeof params === 'object' && params !== null && !Array.isArray(params)
    ? (params as Record<string, unknown>)
    : undefined
}

/** Codes of problems about one field (its `errors` entry names it): the form shows the code's
 * translation on that field instead of the server's English message. */
export const FIELD_ERROR_CODES: readonly string[] = [
  'password_common', 'password_contains_name', 'username_taken', 'enterprise_not_found', 'enterprise_id_not_allowed',
]

/**
 * The server's sentence for a person, as a code with parameters (src/app/messages.hpp, translated
 * in i18n/problems.*.json, e.g. region_outside_scope {region}), or null when it sent none we know.
 */
export function problemSentence(error: ApiError, t: Translate, te: HasKey): string | null {
  const message = error.problem?.message
  return typeof message === 'string' && te(`problem.${message}`) ? t(`problem.${message}`, problemParams(error)) : null
}

/** What the server refused about one value: a field error, or an import's row error. */
export interface Refusal {
  message: string
  code?: string
  params?: MessageParams
}

/**
 * A refusal in the current language: its code translated (i18n/field_errors.*.json, checked
 * against src/domain/field_messages.hpp by tests/unit/app/field_messages_test.cpp) with its
 * params; the server's English message for a code this build does not know.
 */
export function refusalText(refusal: Refusal, t: Translate, te: HasKey): string {
  const key = refusal.code ? `fieldError.${refusal.code}` : ''
  return key && te(key) ? t(key, refusal.params ?? {}) : refusal.message
}

/** Field name → the first error's text for that field, ready to bind to form items. */
export function fieldErrorTexts(errors: readonly FieldError[], t: Translate, te: HasKey): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors) if (!(e.field in out)) out[e.field] = refusalText(e, t, te)
  return out
}

export function errorMessage(error: unknown, t: Translate, te: HasKey): string {
  if (error instanceof ApiError) {
    // The most specific thing we can say.
    const sentence = problemSentence(error, t, te)
    if (sentence !== null) return sentence
    // A validation failure: its fields' errors in the user's language, when the server coded them.
    if (error.code === 'validation' && error.errors.length > 0 && error.errors.every((e) => e.code)) {
      return error.errors.map((e) => `${e.field}: ${refusalText(e, t, te)}`).join('; ')
    }
    // Server detail is more specific than our generic text for conflicts and validation.
    if ((error.code === 'conflict' || error.code === 'validation') && error.detail) return error.detail
    const key = `errors.${error.code}`
    if (te(key)) return t(key, problemParams(error))
    return error.detail || t('errors.unknown', { status: error.status })
  }
  if (error instanceof Error && error.message) return error.message
  return t('errors.unknown', { status: '?' })
}
