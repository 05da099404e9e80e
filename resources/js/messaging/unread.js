/**
 * The header's "Messages (n)" link: count and accessible label, updated
 * live. Labels come translated from the page (data-label-none / -one /
 * -other with "{count}"), set with textContent and setAttribute only.
 */
export function setUnreadCount(count) {
  const n = Math.floor(Number(count))
  const link = document.querySelector('[data-unread-link]')
  if (!link || !Number.isFinite(n) || n < 0) return
  const badge = link.querySelector('[data-unread-count]')
  if (badge) badge.textContent = n > 0 ? ` (${n})` : ''
  const { labelNone, labelOne, labelOther } = link.dataset
  const label = n === 0 ? labelNone : n === 1 ? labelOne : labelOther?.replace('{count}', String(n))
  if (label) link.setAttribute('aria-label', label)
}
