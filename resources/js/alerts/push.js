/*
| "Notifications on this device" (alert preferences page): registers the
| service worker (/sw.js), asks the browser for permission, subscribes
| with the site's VAPID public key and posts the subscription (with the
| page's CSRF token); or undoes all that. Labels come from the page.
*/

/** The VAPID key (URL-safe base64) as the bytes pushManager.subscribe() wants. */
function keyBytes(base64url) {
  const padded = base64url.replace(/-/g, '+').replace(/_/g, '/')
  const raw = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4))
  return Uint8Array.from(raw, (char) => char.charCodeAt(0))
}

function post(url, body) {
  const token = document.querySelector('meta[name="csrf-token"]')?.content
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'accept': 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': token ?? '',
    },
    body: JSON.stringify(body),
  })
}

export async function mountPushToggle(element) {
  const button = element.querySelector('[data-push-toggle]')
  const status = element.querySelector('[data-push-status]')
  const labels = element.dataset
  const supported =
    'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
  if (!supported || !button || !status) {
    if (status) status.textContent = labels.labelUnsupported
    return
  }

  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' })
  let subscription = await registration.pushManager.getSubscription()
  const enableLabel = button.textContent.trim()

  const render = () => {
    status.textContent = subscription ? labels.labelOn : labels.labelOff
    button.textContent = subscription ? labels.labelDisable : enableLabel
    button.hidden = false
  }
  render()

  button.addEventListener('click', async () => {
    button.disabled = true
    try {
      if (subscription) {
        await post(labels.unsubscribeUrl, { endpoint: subscription.endpoint })
        await subscription.unsubscribe()
        subscription = null
        window.location.reload()
        return
      }
      if ((await Notification.requestPermission()) !== 'granted') {
        status.textContent = labels.labelDenied
        return
      }
      const created = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(labels.publicKey),
      })
      const response = await post(labels.subscribeUrl, created.toJSON())
      if (!response.ok) {
        await created.unsubscribe()
        status.textContent = labels.labelFailed
        return
      }
      subscription = created
      window.location.reload()
    } catch {
      status.textContent = labels.labelFailed
    } finally {
      button.disabled = false
    }
  })
}
