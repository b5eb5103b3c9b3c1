// Audit log endpoints (admin only): list, CSV export link and hash-chain verification.
import { api, linkUrl } from './client'
import type { AuditFilters, AuditRecord, AuditVerifyResult, Page, PageQuery } from './types'

export function listAudit(filters: AuditFilters, page: PageQuery): Promise<Page<AuditRecord>> {
  return api.get<Page<AuditRecord>>('/audit', { query: { ...filters, ...page } })
}

/** A plain GET link: the browser downloads the CSV with the session cookie. */
export function auditExportUrl(filters: AuditFilters): string {
  return linkUrl('/audit/export', { ...filters })
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return api.get<AuditVerifyResult>('/audit/verify')
}
