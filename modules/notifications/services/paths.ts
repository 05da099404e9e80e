/**
 * A notification only ever leads inside this site: a relative path
 * starting with one "/" (never "//host" or "/\\host", which browsers treat
 * as another site). Anything else becomes the centre itself.
 */
export function safePath(value: string | null | undefined): string {
  if (typeof value !== 'string' || value.length > 500) return '/notifications'
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/notifications'
  }
  /** No whitespace or control characters (header splitting, odd redirects). */
  return [...value].some((char) => char.charCodeAt(0) <= 0x20 || char === '\u007f')
    ? '/notifications'
    : value
}
