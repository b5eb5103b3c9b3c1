// Key-by-key comparison of an audit record's before and after objects.
import type { JsonObject } from '@/api/types'

export type DiffKind = 'added' | 'removed' | 'changed' | 'same'

export interface DiffRow {
  key: string
  before: string
  after: string
  kind: DiffKind
}

const show = (v: unknown): string => (v === undefined ? '' : JSON.stringify(v))

export function diffObjects(before: JsonObject | null, after: JsonObject | null): DiffRow[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  return [...keys].sort().map((key) => {
    const b = before ? before[key] : undefined
    const a = after ? after[key] : undefined
    const inBefore = before !== null && key in before
    const inAfter = after !== null && key in after
    let kind: DiffKind = 'same'
    if (!inBefore) kind = 'added'
    else if (!inAfter) kind = 'removed'
    else if (show(b) !== show(a)) kind = 'changed'
    return { key, before: show(b), after: show(a), kind }
  })
}
