// Shared state of a paged, filtered server list: page, page size, total, loading and error.
import { ref, shallowRef, type Ref } from 'vue'
import type { Page, PageQuery } from '@/api/types'

export const PAGE_SIZES = [20, 50, 100, 200]

export function usePaged<T>(fetchPage: (page: PageQuery) => Promise<Page<T>>) {
  const items: Ref<T[]> = shallowRef([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(PAGE_SIZES[0]!)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  async function load(): Promise<void> {
    const mine = ++generation // a slower earlier answer must not overwrite a newer one
    loading.value = true
    error.value = null
    try {
      const result = await fetchPage({ page: page.value, page_size: pageSize.value })
      if (mine !== generation) return
      items.value = result.items
      total.value = result.total
    } catch (e) {
      if (mine === generation) error.value = e
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** New filters: back to the first page. */
  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  return { items, total, page, pageSize, loading, error, load, search }
}

/** What `usePaged` returns, whatever the item type (for components that only page). */
export interface PagedList {
  total: Ref<number>
  page: Ref<number>
  pageSize: Ref<number>
  load: () => Promise<void>
  search: () => Promise<void>
}
