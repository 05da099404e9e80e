/** Paths of a campaign's pages (mails, feed cards, redirects). */
export function groupBuyPath(groupBuyId: number): string {
  return `/group-buys/${groupBuyId}`
}

/** The live channel of a campaign's totals (declared in channels.ts). */
export function groupBuyChannel(groupBuyId: number): string {
  return `group_buys/${groupBuyId}`
}
