// Whether the window is phone-sized (below 768 px, Element Plus's `sm` breakpoint), kept up to date.
import { onBeforeUnmount, ref, type Ref } from 'vue'

export const NARROW_QUERY = '(max-width: 767px)'

export function useNarrowScreen(): Ref<boolean> {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(query?.matches ?? false)
  const update = (e: MediaQueryListEvent) => { narrow.value = e.matches }
  query?.addEventListener('change', update)
  onBeforeUnmount(() => query?.removeEventListener('change', update))
  return narrow
}
