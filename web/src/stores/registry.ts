// The registry kinds the signed-in user may read (from GET /registry/kinds), loaded once per user,
// and a small cache of record titles for reference links and pickers.
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { getRecord, listKinds, type KindDef, type RegistryRecord } from '@/api/registry'
import { useAuthStore } from './auth'

export const useRegistryStore = defineStore('registry', () => {
  const kinds = shallowRef<KindDef[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  /** The user id the kinds were loaded for; another user (or none) means "load again". */
  const loadedFor = ref<number | null>(null)
  let pending: Promise<void> | null = null
  let pendingFor: number | null = null
  let generation = 0
  /** "kind/id" → record, filled by detail pages and reference look-ups. */
  const records = reactive(new Map<string, RegistryRecord | null>())
  const inflight = new Map<string, Promise<RegistryRecord | null>>()
  /** What the header's breadcrumb calls the record the page shows. */
  const currentTitle = ref('')

  const byName = computed(() => new Map(kinds.value.map((k) => [k.name, k])))

  function kind(name: string): KindDef | undefined {
    return byName.value.get(name)
  }

  function reset(): void {
    generation++
    loading.value = false
    kinds.value = []
    loadedFor.value = null
    error.value = null
    records.clear()
    inflight.clear()
    pending = null
    pendingFor = null
  }

  /** Loads the kinds for the signed-in user unless they are loaded already. */
  async function ensureLoaded(): Promise<void> {
    const auth = useAuthStore()
    const userId = auth.user?.id ?? null
    if (userId === null) {
      if (loadedFor.value !== null) reset()
      return
    }
    if (loadedFor.value === userId) return
    if (pending && pendingFor === userId) return pending
    records.clear()
    inflight.clear()
    loading.value = true
    error.value = null
    pendingFor = userId
    const mine = ++generation
    pending = (async () => {
      try {
        const result = await listKinds()
        if (mine !== generation) return
        kinds.value = result
        loadedFor.value = userId
      } catch (e) {
        if (mine !== generation) return
        kinds.value = []
        error.value = e
      } finally {
        if (mine === generation) {
          loading.value = false
          pending = null
          pendingFor = null
        }
      }
    })()
    return pending
  }

  const key = (kindName: string, id: number | string) => `${kindName}/${id}`

  /** A record for a reference link, fetched once; null when it cannot be read. */
  function lookup(kindName: string, id: number | string): Promise<RegistryRecord | null> {
    const k = key(kindName, id)
    if (records.has(k)) return Promise.resolve(records.get(k) ?? null)
    let p = inflight.get(k)
    if (!p) {
      p = getRecord(kindName, id)
        .catch(() => null)
        .then((r) => {
          records.set(k, r)
          inflight.delete(k)
          return r
        })
      inflight.set(k, p)
    }
    return p
  }

  /** The cached record, if known (reactive: links re-render when a look-up finishes). */
  function cached(kindName: string, id: number | string): RegistryRecord | null | undefined {
    return records.get(key(kindName, id))
  }

  /** Keeps the cache in step after a page read, saved or deleted a record. */
  function remember(kindName: string, record: RegistryRecord): void {
    records.set(key(kindName, record.id), record)
  }

  function forget(kindName: string, id: number | string): void {
    records.delete(key(kindName, id))
  }

  return {
    kinds, loading, error, loadedFor, currentTitle,
    kind, reset, ensureLoaded, lookup, cached, remember, forget,
  }
})
