// Turns any thrown value into a translated, human-readable message.
import { ApiError } from '@/api/client'

type Translate = (key: string, params?: Record<string, unknown>) => string
type HasKey = (key: string) => boolean

export const KNOWN_ERROR_CODES = [
  'validation', 'unauthenticated', 'forbidden', 'csrf', 'not_found', 'method_not_allowed',
  'malformed_json', 'payload_too_large', 'locked', 'throttled', 'password_change_required',
  'conflict', 'internal', 'network',
  'password_common', 'password_contains_name', 'username_taken', 'enterprise_not_found', 'enterprise_id_not_allowed',
] as const

/** Codes of problems about one field (its `errors` entry names it): the form shows the code's
 * translation on that field instead of the server's English message. */
export const FIELD_ERROR_CODES: readonly string[] = [
  'password_common', 'password_contains_name', 'username_taken', 'enterprise_not_found', 'enterprise_id_not_allowed',
]

export function errorMessage(error: unknown, t: Translate, te: HasKey): string {
  if (error instanceof ApiError) {
    // Server detail is more specific than our generic text for conflicts and validation.
    if ((error.code === 'conflict' || error.code === 'validation') && error.detail) return error.detail
    const key = `errors.${error.code}`
    if (te(key)) return t(key)
    return error.detail || t('errors.unknown', { status: error.status })
  }
  if (error instanceof Error && error.message) return error.message
  return t('errors.unknown', { status: '?' })
}
