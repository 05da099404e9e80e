/*
| Progressive enhancement only: every page works without JavaScript.
| Alpine's CSP build keeps the Content-Security-Policy free of unsafe-eval,
| so components are registered here, not written inline.
*/
import Alpine from '@alpinejs/csp'
import { passwordToggle } from './components/password_toggle.js'

Alpine.data('passwordToggle', passwordToggle)
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
    })
  )
}
