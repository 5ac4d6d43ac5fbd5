/**
 * A file- and topic-safe name from free text: lower-case ASCII words joined by dashes, accents
 * dropped, at most 80 characters; `fallback` when nothing is left.
 */
export function slug(text: string, fallback = 'design'): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return words === '' ? fallback : words
}
