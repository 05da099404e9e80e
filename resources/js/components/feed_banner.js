/**
 * The feed's live "N new posts" banner. The page names its
 * neighbourhood's channel (data-channel); the server only announces that
 * something new exists (no content), so the banner counts and offers to
 * show the first page again, which the link does even without JavaScript.
 * Labels come translated from the page (data-one / data-other, "{count}").
 */
export function feedBanner() {
  /**
   * Outside the reactive data: Alpine would wrap the subscription in a
   * Proxy, which its private (#) fields do not survive.
   */
  let subscription = null
  return {
    count: 0,
    labels: { lang: 'fr', one: '', other: '' },
    get hidden() {
      return this.count === 0
    },
    get label() {
      const { lang, one, other } = this.labels
      const form = new Intl.PluralRules(lang).select(this.count) === 'one' ? one : other
      return form.replace('{count}', String(this.count))
    },
    async init() {
      /** Read here: in a getter, $el would be the element being updated, not this one. */
      const { channel, lang, one, other } = this.$el.dataset
      this.labels = { lang: lang || 'fr', one: one || '', other: other || '' }
      if (!channel) return
      /** The page's one live connection, shared with the inbox and the alerts. */
      const { liveClient } = await import('../realtime.js')
      subscription = liveClient().subscription(channel)
      subscription.onMessage((message) => {
        if (message && message.kind === 'feed.new') this.count += 1
      })
      await subscription.create()
      /** A hook for people and tests: this page hears new posts. */
      if (subscription.isCreated) document.documentElement.dataset.liveFeed = 'subscribed'
    },
    destroy() {
      /** Only this subscription: the connection serves the rest of the page. */
      subscription?.delete()
    },
  }
}
