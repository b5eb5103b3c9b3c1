// The signed-in user and the session's CSRF token; the router guards and the header read it.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import { ApiError, setCsrfToken } from '@/api/client'
import type { Role, SessionInfo, User } from '@/api/types'
import { useRegionStore } from './region'

export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null)
  /** The role-restricted routes the server lets this user call (SessionInfo.may). */
  const allowed = ref<ReadonlySet<string>>(new Set())
  /** True once we asked the server who we are (so guards do not ask on every navigation). */
  const loaded = ref(false)

  const signedIn = computed(() => user.value !== null)
  const role = computed<Role | null>(() => user.value?.role ?? null)
  const mustChangePassword = computed(() => user.value?.must_change_password === true)
  /** The user's region scope (district, city or province code); null: the whole installation. */
  const regionCode = computed<string | null>(() => user.value?.region_code ?? null)

  function applySession(session: SessionInfo): void {
    user.value = session.user
    allowed.value = new Set(session.may ?? [])
    setCsrfToken(session.csrf_token)
    useRegionStore().adopt(session.user)
    loaded.value = true
  }

  function clear(): void {
    user.value = null
    allowed.value = new Set()
    setCsrfToken(null)
    useRegionStore().adopt(null)
    loaded.value = true
  }

  /** Whether the server lets this user call a role-restricted route, e.g. may('POST /api/v1/programmes'). */
  function may(route: string): boolean {
    return signedIn.value && allowed.value.has(route)
  }

  /** Restores the session from the cookie; a 401 simply means "not signed in". */
  async function fetchMe(): Promise<void> {
    try {
      applySession(await authApi.fetchMe())
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        clear()
        return
      }
      throw e
    }
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await fetchMe()
  }

  async function login(username: string, password: string): Promise<User> {
    const session = await authApi.login(username, password)
    applySession(session)
    return session.user
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      // Even when the server call fails the local session is gone for this tab.
      clear()
    }
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword(currentPassword, newPassword)
    if (user.value) user.value = { ...user.value, must_change_password: false }
  }

  return {
    user, loaded, signedIn, role, mustChangePassword, regionCode, allowed,
    applySession, clear, may, fetchMe, ensureLoaded, login, logout, changePassword,
  }
})
