// Server-side field errors (422 `errors`) bound to form items by field name.
import { ref } from 'vue'
import { ApiError } from '@/api/client'

export function useFieldErrors() {
  const fieldErrors = ref<Record<string, string>>({})

  /** Takes the field errors of an API error; returns true when there were any to show. */
  function apply(error: unknown): boolean {
    if (error instanceof ApiError && error.errors.length > 0) {
      fieldErrors.value = error.fieldErrors
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
