/*
| Progressive enhancement only: every page works without JavaScript.
| Alpine's CSP build keeps the Content-Security-Policy free of unsafe-eval,
| so components are registered here, not written inline.
*/
import Alpine from '@alpinejs/csp'
import { passwordToggle } from './components/password_toggle.js'
import { feedBanner } from './components/feed_banner.js'
import { groupBuyLive } from './components/group_buy_live.js'
import { messageThread } from './messaging/thread.js'
import { setUnreadCount } from './messaging/unread.js'

Alpine.data('passwordToggle', passwordToggle)
Alpine.data('feedBanner', feedBanner)
Alpine.data('groupBuyLive', groupBuyLive)
Alpine.data('messageThread', messageThread)
window.Alpine = Alpine
Alpine.start()

/** Maps (neighbourhood pages, home placement, boundary drawing). */
if (document.querySelector('[data-map]')) {
  import('./maps/index.js').then(({ mountMaps }) => mountMaps())
}

/** Signed-in pages listen to the resident's inbox and announce what arrives. */
const userId = document.body.dataset.userId
const liveRegion = document.getElementById('live-inbox')
if (userId && liveRegion) {
  import('./realtime.js').then(({ connectInbox }) =>
    connectInbox(userId, (message) => {
      if (message && typeof message.text === 'string') liveRegion.textContent = message.text
      /** A new message: the header count, and any open thread (messageThread) hears it. */
      if (message && message.kind === 'message') setUnreadCount(message.unread)
      window.dispatchEvent(new CustomEvent('quartier:inbox', { detail: message }))
    })
  )
}

/** Neighbourhood alerts: a toast on any open page of a resident. */
if (userId) {
  import('./alerts/live.js').then(({ connectAlerts }) => connectAlerts())
}

/** Alert preferences: web push on this device. */
const pushToggle = document.querySelector('[data-push]')
if (pushToggle) {
  import('./alerts/push.js').then(({ mountPushToggle }) => mountPushToggle(pushToggle))
}
