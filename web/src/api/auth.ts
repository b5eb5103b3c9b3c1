// Session endpoints: login, logout, who-am-I and password change.
import { api } from './client'
import type { SessionInfo } from './types'

export function login(username: string, password: string): Promise<SessionInfo> {
  // 401 here means "bad credentials", not "session expired": the login page shows it itself.
  return api.post<SessionInfo>('/auth/login', { username, password }, { noAuthRedirect: true })
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout', undefined, { noAuthRedirect: true })
}

export function fetchMe(): Promise<SessionInfo> {
  return api.get<SessionInfo>('/auth/me', { noAuthRedirect: true })
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/auth/password', { current_password: currentPassword, new_password: newPassword })
}
