// Server health probe; a 503 still carries a Health body that says what is down.
import { ApiError, api } from './client'
import type { Health } from './types'

export async function fetchHealth(): Promise<Health> {
  try {
    return await api.get<Health>('/health', { noAuthRedirect: true })
  } catch (e) {
    if (e instanceof ApiError && e.status === 503 && e.problem && typeof e.problem.status === 'string') {
      return e.problem as unknown as Health
    }
    throw e
  }
}
