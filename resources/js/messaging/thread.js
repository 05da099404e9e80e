import { setUnreadCount } from './unread.js'

/**
 * An open conversation page, newest messages shown: when the inbox
 * channel says a message arrived in this conversation, the messages not
 * shown yet are fetched from the thread's own route (participants only,
 * server-rendered and escaped like the page: no user text is ever turned
 * into HTML here) and appended; reading them there moves the read mark,
 * and the header count follows. Without JavaScript a reload does the same.
 */
export function messageThread() {
  return {
    conversationId: '',
    sinceUrl: '',
    lastId: 0,
    loading: false,
    again: false,
    listener: null,
    init() {
      /** Read here: in a getter, $el would be the element being updated, not this one. */
      const { conversationId, lastId, sinceUrl } = this.$el.dataset
      this.conversationId = conversationId || ''
      this.lastId = Number(lastId) || 0
      this.sinceUrl = sinceUrl || ''
      if (!this.sinceUrl) return
      this.listener = (event) => {
        const message = event.detail
        if (
          message &&
          message.kind === 'message' &&
          String(message.conversationId) === this.conversationId
        ) {
          this.fetchNew()
        }
      }
      window.addEventListener('quartier:inbox', this.listener)
    },
    destroy() {
      if (this.listener) window.removeEventListener('quartier:inbox', this.listener)
    },
    async fetchNew() {
      /** One request at a time; a message arriving meanwhile triggers one more. */
      if (this.loading) {
        this.again = true
        return
      }
      this.loading = true
      try {
        const url = new URL(this.sinceUrl, window.location.origin)
        url.searchParams.set('after', String(this.lastId))
        const response = await fetch(url, {
          headers: { accept: 'text/html' },
          credentials: 'same-origin',
        })
        if (!response.ok) return
        const template = document.createElement('template')
        template.innerHTML = await response.text()
        const list = this.$refs.list
        for (const item of template.content.querySelectorAll('li[data-message-id]')) {
          const id = Number(item.dataset.messageId)
          if (!(id > this.lastId)) continue
          list.append(item)
          this.lastId = id
        }
        if (this.$refs.empty) this.$refs.empty.hidden = true
        const unread = response.headers.get('x-unread-count')
        if (unread !== null) setUnreadCount(unread)
      } catch {
        /** Offline or signed out: the message shows on the next page load. */
      } finally {
        this.loading = false
        if (this.again) {
          this.again = false
          this.fetchNew()
        }
      }
    },
  }
}
