/**
 * A group buy's live progress. The page names the campaign's channel
 * (data-channel) and where its progress panel can be fetched again
 * (data-fragment). The server only pushes totals (never who pledged);
 * on each push the panel is fetched again, so every figure (prices,
 * savings, what the viewer owes) is worked out in one place, the server,
 * in the reader's language. Without JavaScript the page simply shows the
 * figures of its last load.
 */
export function groupBuyLive() {
  /**
   * Outside the reactive data: Alpine would wrap the subscription in a
   * Proxy, which Transmit's private (#) fields do not survive.
   */
  let subscription = null
  /** One refresh at a time; a push arriving meanwhile asks for one more. */
  let loading = false
  let again = false
  return {
    async refresh(url) {
      if (loading) {
        again = true
        return
      }
      loading = true
      try {
        const response = await fetch(url, {
          headers: { accept: 'text/html' },
          credentials: 'same-origin',
        })
        if (response.ok) {
          this.$refs.panel.innerHTML = await response.text()
          document.documentElement.dataset.groupBuyRefreshed = String(Date.now())
        }
      } catch {
        /** Offline for a moment: the next push (or a reload) catches up. */
      } finally {
        loading = false
        if (again) {
          again = false
          await this.refresh(url)
        }
      }
    },
    async init() {
      const { channel, fragment } = this.$el.dataset
      if (!channel || !fragment) return
      /** The page's one live connection, shared with the inbox and the alerts. */
      const { liveClient } = await import('../realtime.js')
      subscription = liveClient().subscription(channel)
      subscription.onMessage((message) => {
        if (message && message.kind === 'group_buy.progress') this.refresh(fragment)
      })
      await subscription.create()
      /** A hook for people and tests: this page hears the campaign's totals. */
      if (subscription.isCreated) document.documentElement.dataset.liveGroupBuy = 'subscribed'
    },
    destroy() {
      /** Only this subscription: the connection serves the rest of the page. */
      subscription?.delete()
    },
  }
}
