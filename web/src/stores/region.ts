// The district the header's switcher narrows the app to, for users whose scope is wider than one
// district: kept in localStorage per user, handed to the API client (which sends it on every
// request as X-Kechuang-Region), and dropped when it no longer lies inside the user's scope.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { setRegionChoice } from '@/api/client'
import type { User } from '@/api/types'
import { showsSwitcher, withinScope } from '@/utils/region_scope'

export const REGION_STORAGE_PREFIX = 'kc.region.'

function storageKey(user: Pick<User, 'username'>): string {
  return REGION_STORAGE_PREFIX + user.username
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

export const useRegionStore = defineStore('region', () => {
  /** The chosen district's code; null: all districts of the user's scope. */
  const choice = ref<string | null>(null)
  let key: string | null = null

  function apply(code: string | null): void {
    choice.value = code
    setRegionChoice(code)
  }

  /** Takes up the signed-in user's stored choice, if it still fits the user's scope (else none). */
  function adopt(user: User | null): void {
    key = user && showsSwitcher(user) ? storageKey(user) : null
    const stored = key ? readStored(key) : null
    const fits = stored !== null && /^\d{6}$/.test(stored) && stored !== user?.region_code &&
      withinScope(user?.region_code, stored)
    apply(fits ? stored : null)
  }

  /** Narrows to one district (or, with null, back to all of them) and remembers it. */
  function choose(code: string | null): void {
    apply(code || null)
    if (!key) return
    try {
      if (code) window.localStorage.setItem(key, code)
      else window.localStorage.removeItem(key)
    } catch {
      // private mode: the choice lasts for this page only
    }
  }

  return { choice, adopt, choose }
})
