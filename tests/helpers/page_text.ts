import type { AgentResponse } from '#tests/helpers/agent'

/** The five entities Edge's escaping writes, back to characters. */
export function unescapeHtml(text: string): string {
  return text
    .replaceAll('&#x27;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
}

/** The messages a refused form shows: beside the fields, then in the error summary. */
export function errorsIn(page: string): string[] {
  const beside = [...page.matchAll(/class="field__error"[^>]*>([^<]+)</g)]
  const summary = [...page.matchAll(/<li><a href="#field-[^"]*">([^<]+)<\/a><\/li>/g)]
  const message = [...page.matchAll(/class="error-summary"[\s\S]*?<\/h2>\s*<p>([^<]+)<\/p>/g)]
  return [...beside, ...summary, ...message].map((match) => unescapeHtml(match[1].trim()))
}

/** The error beside one field, if any. */
export function fieldError(page: string, field: string): string | null {
  const match = page.match(new RegExp(`id="field-${field}-error">([^<]+)<`))
  return match ? unescapeHtml(match[1].trim()) : null
}

/** Text of a page with tags out and spaces plain (Intl's no-break spaces included). */
export function textOf(response: AgentResponse | string): string {
  const html = typeof response === 'string' ? response : response.text
  return unescapeHtml(html.replace(/<[^>]+>/g, ' '))
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
}
