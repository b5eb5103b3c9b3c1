// An audit action code (`enterprises.update`, `user.reset_password`, `audit_log.export`) in words
// of the current language: the entity (a registry kind's label from the kinds metadata, else the
// catalogue's name for it) and the verb. Unknown parts stay as the code says them.
import type { KindDef } from '@/api/registry'
import { labelOf, type Lang } from './registry'

type Translate = (key: string) => string
type HasKey = (key: string) => boolean

export function actionInWords(action: string, kinds: readonly KindDef[], lang: Lang, t: Translate, te: HasKey): string {
  const at = action.lastIndexOf('.')
  if (at < 0) return te(`audit.verbs.${action}`) ? t(`audit.verbs.${action}`) : action
  const entity = action.slice(0, at)
  const verb = action.slice(at + 1)
  const kind = kinds.find((k) => k.name === entity)
  const entityText = kind ? labelOf(kind, lang) : te(`audit.entities.${entity}`) ? t(`audit.entities.${entity}`) : entity
  const verbText = te(`audit.verbs.${verb}`) ? t(`audit.verbs.${verb}`) : verb
  return lang === 'zh' ? `${verbText}${entityText}` : `${verbText} ${entityText}`
}
