// 通知公告 rules the pages share with the server: lengths are counted in characters (code points,
// as the server counts them), the buttons a notice's status offers, and the panel's excerpt.
// Pure, so they are unit-tested (tests/unit/notices.test.ts).
import type { Notice, NoticeStatus } from '@/api/notices'

export const NOTICE_TITLE_MAX = 200
export const NOTICE_BODY_MAX = 20000

/** Characters as the server counts them: code points, so 汉 and 😀 are one each. */
export function characterCount(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

export type NoticeProblem = 'required' | 'tooLong'

/** What the form says before asking the server (which checks the same and more). */
export function draftProblems(draft: { title: string; body: string }): Partial<Record<'title' | 'body', NoticeProblem>> {
  const out: Partial<Record<'title' | 'body', NoticeProblem>> = {}
  const title = draft.title.trim()
  if (title === '') out.title = 'required'
  else if (characterCount(title) > NOTICE_TITLE_MAX) out.title = 'tooLong'
  if (draft.body.trim() === '') out.body = 'required'
  else if (characterCount(draft.body) > NOTICE_BODY_MAX) out.body = 'tooLong'
  return out
}

export type NoticeAction = 'edit' | 'publish' | 'withdraw' | 'delete'

/** The actions a notice in `status` offers its editors, in the order of the row's buttons. */
export function noticeActions(status: NoticeStatus): NoticeAction[] {
  return status === 'published' ? ['edit', 'withdraw', 'delete'] : ['edit', 'publish', 'delete']
}

export function statusTagType(status: NoticeStatus): 'success' | 'info' | 'warning' {
  return status === 'published' ? 'success' : status === 'draft' ? 'warning' : 'info'
}

/** The body's first line, cut to `max` characters with an ellipsis: the panel's one-line preview. */
export function excerpt(body: string, max = 60): string {
  const first = body.trim().split(/\r?\n/, 1)[0] ?? ''
  const chars = [...first]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : first
}

/** The reader's list after marking `id` read: the same notices, that one read, one fewer unread. */
export function markedRead(list: { items: Notice[]; unread: number }, id: number): { items: Notice[]; unread: number } {
  const target = list.items.find((n) => n.id === id)
  if (!target || target.read) return list
  return { items: list.items.map((n) => (n.id === id ? { ...n, read: true } : n)), unread: Math.max(0, list.unread - 1) }
}
