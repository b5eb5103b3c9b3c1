// Number display for the index studio. utils/format.ts only formats times; scores, weights and
// statistics need a fixed number of decimals and a dash for missing values (null or NaN).
const cache = new Map<number, Intl.NumberFormat>()

function formatter(digits: number): Intl.NumberFormat {
  let f = cache.get(digits)
  if (!f) {
    // 'en-US' grouping in both languages: the registry pages do the same for amounts (4,000.12).
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits })
    cache.set(digits, f)
  }
  return f
}

export function formatNumber(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return formatter(digits).format(v)
}

/** A share (0..1) as a percentage: 0.875 → "87.5%". */
export function formatShare(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return `${formatter(digits).format(v * 100)}%`
}
