import { afterEach, describe, expect, it, vi } from 'vitest'
import { usePaged } from '@/composables/use_paged'
import { fetchHealth } from '@/api/health'
import { jsonResponse, mockFetch } from './helpers'
import type { Page, PageQuery } from '@/api/types'

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => { resolve = r })
  return { promise, resolve }
}

describe('usePaged', () => {
  it('asks for the current page and size and keeps items and total', async () => {
    const fetcher = vi.fn(async (q: PageQuery): Promise<Page<string>> => ({ items: [`p${q.page}`], total: 41, page: q.page, page_size: q.page_size }))
    const list = usePaged(fetcher)
    list.page.value = 3
    await list.load()
    expect(fetcher).toHaveBeenLastCalledWith({ page: 3, page_size: 20 })
    expect(list.items.value).toEqual(['p3'])
    expect(list.total.value).toBe(41)
    await list.search() // new filters start again at page 1
    expect(fetcher).toHaveBeenLastCalledWith({ page: 1, page_size: 20 })
    expect(list.loading.value).toBe(false)
  })

  it('ignores a slower earlier answer', async () => {
    const first = deferred<Page<string>>()
    const second = deferred<Page<string>>()
    const fetcher = vi.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise)
    const list = usePaged<string>(fetcher)
    const a = list.load()
    const b = list.load()
    second.resolve({ items: ['new'], total: 1, page: 1, page_size: 20 })
    await b
    first.resolve({ items: ['old'], total: 9, page: 1, page_size: 20 })
    await a
    expect(list.items.value).toEqual(['new'])
    expect(list.total.value).toBe(1)
  })

  it('keeps the error for the page to show', async () => {
    const list = usePaged<string>(() => Promise.reject(new Error('boom')))
    await list.load()
    expect((list.error.value as Error).message).toBe('boom')
    expect(list.loading.value).toBe(false)
  })
})

describe('fetchHealth', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('returns the health body also when the server answers 503', async () => {
    mockFetch(jsonResponse(503, { status: 'degraded', version: '0.1.0', database: 'unreachable' }))
    await expect(fetchHealth()).resolves.toEqual({ status: 'degraded', version: '0.1.0', database: 'unreachable' })
  })
})
