// Shapes of the REST API v1 payloads (see docs/api.md); the single source of truth for the front end.

export type Role = 'admin' | 'staff' | 'reviewer' | 'enterprise' | 'viewer'

export const ROLES: readonly Role[] = ['admin', 'staff', 'reviewer', 'enterprise', 'viewer']

export interface User {
  id: number
  username: string
  display_name: string
  /** 单位/部门: the unit or department the person works in ('' when not given). */
  department: string
  role: Role
  disabled: boolean
  must_change_password: boolean
  locked_until: string | null
  /** Set for enterprise accounts: the enterprise whose registry records they may see. */
  enterprise_id?: number | null
  /**
   * The region scope: a district (330205), a city (330200) or a province (330000) whose records
   * the user sees; null is the whole installation. Irrelevant for enterprise accounts.
   */
  region_code?: string | null
  created_at: string
  last_login_at: string | null
}

export interface SessionInfo {
  user: User
  csrf_token: string
  /** The role-restricted API routes this user may call, as "METHOD /api/v1/pattern" (the server's route table). */
  may: string[]
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface Health {
  status: string
  version: string
  database: string
}

export type JsonObject = { [key: string]: unknown }

export interface AuditRecord {
  id: number
  at: string
  actor: string
  ip: string
  action: string
  entity: string
  entity_id: string
  before: JsonObject | null
  after: JsonObject | null
}

export type AuditProblem = 'edited' | 'inserted' | 'deleted' | 'unknown_key' | 'unsealed'

export interface AuditVerifyResult {
  ok: boolean
  records: number
  first_bad_id?: number
  problem?: AuditProblem
  key_id?: string
}

export type LoginFailureReason =
  | 'bad_password' | 'locked' | 'disabled' | 'unknown_user' | 'throttled'
  | 'password_change' | 'password_change_bad_password' | 'password_change_locked'

export interface LoginRecord {
  id: number
  at: string
  username: string
  ip: string
  success: boolean
  reason: LoginFailureReason | null
}

export interface CreateUserRequest {
  username: string
  display_name: string
  /** 单位/部门, at most 100 characters. */
  department?: string
  role: Role
  password?: string
  /** Enterprise accounts only: the enterprise (registry record id) the account belongs to. */
  enterprise_id?: number
  /** The region scope (GB/T 2260 code of a district, city or province); absent: the whole installation. */
  region_code?: string
}

export interface CreateUserResponse {
  user: User
  initial_password?: string
}

export interface UpdateUserRequest {
  display_name?: string
  /** '' clears it. */
  department?: string
  role?: Role
  disabled?: boolean
  /** null unlinks the account from its enterprise. */
  enterprise_id?: number | null
  /** The region scope; null widens it to the whole installation. */
  region_code?: string | null
}

/** Filters shared by the audit list and its CSV export. */
export interface AuditFilters {
  q?: string
  actor?: string
  action?: string
  entity?: string
  from?: string
  to?: string
}

/** Filters shared by the login log list and its CSV export. */
export interface LoginLogFilters {
  q?: string
  success?: 'true' | 'false'
  from?: string
  to?: string
}

export interface PageQuery {
  page: number
  page_size: number
}
