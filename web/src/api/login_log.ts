// Login log endpoints (admin only): list and CSV export link.
import { api, linkUrl } from './client'
import type { LoginLogFilters, LoginRecord, Page, PageQuery } from './types'

export function listLoginLog(filters: LoginLogFilters, page: PageQuery): Promise<Page<LoginRecord>> {
  return api.get<Page<LoginRecord>>('/login-log', { query: { ...filters, ...page } })
}

export function loginLogExportUrl(filters: LoginLogFilters): string {
  return linkUrl('/login-log/export', { ...filters })
}
