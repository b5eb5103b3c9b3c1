import { describe, expect, it } from 'vitest'
import type { Notice } from '@/api/notices'
import { characterCount, draftProblems, excerpt, markedRead, noticeActions, NOTICE_BODY_MAX, NOTICE_TITLE_MAX, statusTagType } from '@/utils/notices'

const notice = (id: number, read: boolean): Notice => ({
  id, title: `t${id}`, body: 'b', region_code: null, status: 'published', published_at: '2026-12-01T00:00:00Z',
  created_by: 'a', created_at: '2026-12-01T00:00:00Z', updated_by: 'a', updated_at: '2026-12-01T00:00:00Z', read,
})

describe('notices', () => {
  it('count characters as code points, as the server does', () => {
    expect(characterCount('通知')).toBe(2)
    expect(characterCount('a😀b')).toBe(3)
    expect(characterCount('')).toBe(0)
  })

  it('check title and body at their limits', () => {
    expect(draftProblems({ title: '  ', body: '' })).toEqual({ title: 'required', body: 'required' })
    expect(draftProblems({ title: '长'.repeat(NOTICE_TITLE_MAX), body: '文'.repeat(NOTICE_BODY_MAX) })).toEqual({})
    expect(draftProblems({ title: '长'.repeat(NOTICE_TITLE_MAX + 1), body: '文'.repeat(NOTICE_BODY_MAX + 1) }))
      .toEqual({ title: 'tooLong', body: 'tooLong' })
    expect(draftProblems({ title: ` ${'长'.repeat(NOTICE_TITLE_MAX)} `, body: 'x' }), 'the title is trimmed, as the server trims it').toEqual({})
  })

  it('offer publish to drafts and withdrawn notices, withdraw to published ones', () => {
    expect(noticeActions('draft')).toEqual(['edit', 'publish', 'delete'])
    expect(noticeActions('withdrawn')).toEqual(['edit', 'publish', 'delete'])
    expect(noticeActions('published')).toEqual(['edit', 'withdraw', 'delete'])
    expect(statusTagType('published')).toBe('success')
    expect(statusTagType('draft')).toBe('warning')
    expect(statusTagType('withdrawn')).toBe('info')
  })

  it('preview the first line of a body', () => {
    expect(excerpt('第一行\n第二行')).toBe('第一行')
    expect(excerpt('  \r\nx')).toBe('x')
    expect(excerpt('长'.repeat(61))).toBe(`${'长'.repeat(60)}…`)
  })

  it('mark one notice read and count one fewer unread, once', () => {
    const list = { items: [notice(1, false), notice(2, true)], unread: 1 }
    const after = markedRead(list, 1)
    expect(after.items.map((n) => n.read)).toEqual([true, true])
    expect(after.unread).toBe(0)
    expect(markedRead(after, 1)).toBe(after)
    expect(markedRead(list, 9)).toBe(list)
  })
})
