// The registry kind named by the route (`:kind`), its labels in the current language and the
// words used to show values; every registry page starts here.
import { computed, onMounted, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import type { FieldDef, FieldValue, KindDef, RegistryRecord } from '@/api/registry'
import { useAuthStore } from '@/stores/auth'
import { useRegistryStore } from '@/stores/registry'
import { kindAccess, type KindAccess } from '@/utils/submissions'
import { refusalText, type Refusal } from '@/utils/errors'
import {
  bilingual, displayUnit, formatValue, labelOf, labelWithUnit, langOf, recordLabel, recordTitle, unitText, type Words,
} from '@/utils/registry'

/** Labels and value text in the current language; usable outside a kind page. */
export function useRegistryText() {
  const { t, te, locale } = useI18n()
  const lang = computed(() => langOf(locale.value))
  const words = computed<Words>(() => ({ yes: t('common.yes'), no: t('common.no') }))
  return {
    lang,
    label: (item: { zh: string; en: string }) => labelOf(item, lang.value),
    unit: (unit: string) => unitText(unit, t),
    /** Field label with its unit, for column headers and descriptions. */
    fieldLabel: (f: FieldDef) => labelWithUnit(labelOf(f, lang.value), unitText(displayUnit(f), t), lang.value),
    value: (f: FieldDef | undefined, v: FieldValue | undefined) => formatValue(f, v, lang.value, words.value),
    title: (k: KindDef, r: RegistryRecord) => recordTitle(k, r, lang.value, words.value),
    recordLabel: (k: KindDef, r: RegistryRecord) => recordLabel(k, r, lang.value, words.value),
    /** A server text that still comes in both languages ("中文 / English"): the current one's half. */
    message: (m: string) => bilingual(m, lang.value),
    /** A field or row error of the server, its code translated (utils/errors.ts). */
    refusal: (r: Refusal) => refusalText(r, t, (key) => te(key)),
  }
}

/** What the signed-in user may do with records of `kind` (writable, or filed for confirmation). */
export function useKindAccess(kind: Ref<KindDef | undefined>) {
  const auth = useAuthStore()
  return computed<KindAccess>(() => kindAccess(kind.value, auth.role))
}

/** The kind of the current route; `missing` once the kinds are loaded and it is not among them. */
export function useRouteKind() {
  const route = useRoute()
  const registry = useRegistryStore()
  const kindName = computed(() => (typeof route.params.kind === 'string' ? route.params.kind : ''))
  const kind = computed(() => registry.kind(kindName.value))
  const ready = computed(() => registry.loadedFor !== null || registry.error !== null)
  const missing = computed(() => ready.value && !kind.value && registry.error === null)
  /** The kinds could not be loaded (server unreachable…); views show it instead of the page. */
  const loadError = computed(() => (kind.value ? null : registry.error))
  onMounted(() => void registry.ensureLoaded())
  watch(kindName, () => void registry.ensureLoaded())
  return { registry, kindName, kind, ready, missing, loadError }
}
