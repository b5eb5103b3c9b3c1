// Display helpers shared by tables.

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * ISO time → local "YYYY-MM-DD HH:mm:ss" (same in both languages: unambiguous and sortable in
 * admin tables); empty text for null so tables can show a dash; unparsable input is shown as is.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}
