// User administration endpoints (admin only).
import { api } from './client'
import type { CreateUserRequest, CreateUserResponse, Page, PageQuery, UpdateUserRequest, User } from './types'

export function listUsers(query: PageQuery & { q?: string }): Promise<Page<User>> {
  return api.get<Page<User>>('/users', { query: { ...query } })
}

export function createUser(body: CreateUserRequest): Promise<CreateUserResponse> {
  return api.post<CreateUserResponse>('/users', body)
}

export async function updateUser(id: number, body: UpdateUserRequest): Promise<User> {
  return (await api.patch<{ user: User }>(`/users/${id}`, body)).user
}

export async function resetPassword(id: number): Promise<string> {
  return (await api.post<{ initial_password: string }>(`/users/${id}/reset-password`)).initial_password
}

export function endSessions(id: number): Promise<void> {
  return api.delete<void>(`/users/${id}/sessions`)
}
