// Shapes passed between the index studio's components.
import type { DataSource, Definition } from '@/api/index_engine'

/** What a data source produced: one or both files, and the definition when one was loaded. */
export interface DataPatch {
  source: DataSource
  data?: string
  meta?: string
  /** Set when a saved definition was loaded (null clears a loaded one). */
  definition?: Definition | null
}
