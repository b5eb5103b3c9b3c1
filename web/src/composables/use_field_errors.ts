// Server-side field errors (422 `errors`) bound to form items by field name.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/client'
import { FIELD_ERROR_CODES, fieldErrorTexts, problemSentence } from '@/utils/errors'

export function useFieldErrors() {
  const fieldErrors = ref<Record<string, string>>({})
  const { t, te } = useI18n()

  /** Takes the field errors of an API error; returns true when there were any to show. */
  function apply(error: unknown): boolean {
    if (error instanceof ApiError && error.errors.length > 0) {
      const byField = fieldErrorTexts(error.errors, t, (key) => te(key))
      // A field-specific code (password_common, username_taken, …) is shown in the user's language.
      if (FIELD_ERROR_CODES.includes(error.code)) {
        for (const field of Object.keys(byField)) byField[field] = t(`errors.${error.code}`)
      } else if (Object.keys(byField).length === 1) {
        // A problem about one field with the server's sentence for it (region_outside_scope on
        // region_code): that sentence, in the user's language, on the field.
        const sentence = problemSentence(error, t, (key) => te(key))
        if (sentence !== null) byField[Object.keys(byField)[0]!] = sentence
      }
      fieldErrors.value = byField
      return true
    }
    fieldErrors.value = {}
    return false
  }

  function clear(field?: string): void {
    if (field === undefined) fieldErrors.value = {}
    else if (field in fieldErrors.value) {
      const { [field]: _removed, ...rest } = fieldErrors.value
      fieldErrors.value = rest
    }
  }

  return { fieldErrors, apply, clear }
}
