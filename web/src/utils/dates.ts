// Calendar-day helpers for date filters (the API takes ISO dates, YYYY-MM-DD).

export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The last `n` local calendar days, oldest first, ending today. */
export function lastDays(n: number, today: Date = new Date()): string[] {
  const out: string[] = []
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i)
    out.push(isoDate(d))
  }
  return out
}

/** Element Plus date-range value → API `from`/`to` (both omitted when the range is empty). */
export function rangeToFilter(range: [string, string] | null | undefined): { from?: string; to?: string } {
  if (!range || range.length !== 2) return {}
  return { from: range[0], to: range[1] }
}
