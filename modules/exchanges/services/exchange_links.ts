/** Paths of an exchange's pages (mails, conversation subjects, feed cards). */
export function exchangePath(exchangeId: number): string {
  return `/exchanges/${exchangeId}`
}

export function photoPath(exchangeId: number, photoId: number): string {
  return `/exchanges/${exchangeId}/photos/${photoId}`
}

/** What a conversation about an exchange is about (messaging shows it as a link). */
export function exchangeSubject(exchange: { id: number; title: string }) {
  return {
    type: 'exchange',
    id: exchange.id,
    title: exchange.title,
    url: exchangePath(exchange.id),
  }
}
