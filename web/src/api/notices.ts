// 通知公告 (docs/api.md, "Notices"): every signed-in user reads the published notices of their
// region; administrators and staff write, publish, withdraw and delete them.
import { api } from './client'
import type { Page, PageQuery } from './types'

export type NoticeStatus = 'draft' | 'published' | 'withdrawn'
export const NOTICE_STATUSES: readonly NoticeStatus[] = ['draft', 'published', 'withdrawn']

export interface Notice {
  id: number
  title: string
  body: string
  /** Where it lies: a district, city or province code; null is the whole installation. */
  region_code: string | null
  status: NoticeStatus
  published_at: string | null
  created_by: string
  created_at: string
  updated_by: string
  updated_at: string
  /** In a reader's list only: whether the signed-in user has read it. */
  read?: boolean
}

/** A reader's list: the page, and how many published notices they have not read. */
export interface NoticePage extends Page<Notice> {
  unread: number
}

export interface NoticeDraft {
  title: string
  body: string
  /** Absent: the writer's scope (a new notice) or the notice's own (an edit); null: the whole installation. */
  region_code?: string | null
}

export function listNotices(query: PageQuery & { unread?: boolean }): Promise<NoticePage> {
  return api.get<NoticePage>('/notices', { query: { ...query } })
}

export function listManagedNotices(query: PageQuery & { status?: NoticeStatus }): Promise<Page<Notice>> {
  return api.get<Page<Notice>>('/notices/managed', { query: { ...query } })
}

export function createNotice(draft: NoticeDraft): Promise<Notice> {
  return api.post<Notice>('/notices', draft)
}

export function updateNotice(id: number, draft: NoticeDraft): Promise<Notice> {
  return api.put<Notice>(`/notices/${id}`, draft)
}

export function publishNotice(id: number): Promise<Notice> {
  return api.post<Notice>(`/notices/${id}/publish`)
}

export function withdrawNotice(id: number): Promise<Notice> {
  return api.post<Notice>(`/notices/${id}/withdraw`)
}

export function deleteNotice(id: number): Promise<void> {
  return api.delete<void>(`/notices/${id}`)
}

export function markNoticeRead(id: number): Promise<void> {
  return api.post<void>(`/notices/${id}/read`)
}
