/*
| Neighbourhood alerts on any open page: the page asks which channel its
| resident may listen to (GET /alerts/live), subscribes (a POST carrying
| the page's CSRF token, authorised by membership on the server) and shows
| a toast for each new alert. A retracted alert's toast goes away.
*/
import { liveClient } from '../realtime.js'

const DISMISS_INFO_MS = 20_000

function toastRegion(label) {
  let region = document.getElementById('alert-toasts')
  if (!region) {
    region = document.createElement('section')
    region.id = 'alert-toasts'
    region.className = 'alert-toasts'
    region.setAttribute('aria-label', label)
    document.body.append(region)
  }
  return region
}

function showToast(alert, labels) {
  if (!alert || typeof alert.id !== 'number') return
  const region = toastRegion(labels.region)
  if (region.querySelector(`[data-alert-id="${alert.id}"]`)) return
  const lang = document.documentElement.lang === 'en' ? 'en' : 'fr'
  const severity = ['info', 'urgent', 'critical'].includes(alert.severity) ? alert.severity : 'info'

  const toast = document.createElement('div')
  toast.className = `alert-toast alert-toast--${severity}`
  toast.dataset.alertId = String(alert.id)
  /** Urgent and critical alerts interrupt a screen reader; information waits its turn. */
  toast.setAttribute('role', severity === 'info' ? 'status' : 'alert')

  const title = document.createElement('p')
  title.className = 'alert-toast__title'
  title.textContent = [alert.title?.[lang], alert.neighbourhood].filter(Boolean).join(' · ')
  const text = document.createElement('p')
  text.className = 'alert-toast__text'
  text.textContent = alert.text ?? ''

  const actions = document.createElement('p')
  actions.className = 'alert-toast__actions'
  const link = document.createElement('a')
  link.className = 'button button--small'
  /** Only a path of this site (the server sends /alerts/:id). */
  link.href = typeof alert.url === 'string' && alert.url.startsWith('/') ? alert.url : '/alerts'
  link.textContent = labels.open
  const close = document.createElement('button')
  close.type = 'button'
  close.className = 'link-button'
  close.textContent = labels.close
  close.addEventListener('click', () => toast.remove())
  actions.append(link, close)

  toast.append(title, text, actions)
  region.prepend(toast)
  if (severity === 'info') setTimeout(() => toast.remove(), DISMISS_INFO_MS)
}

function removeToast(id) {
  document.querySelector(`#alert-toasts [data-alert-id="${Number(id)}"]`)?.remove()
}

export async function connectAlerts() {
  const response = await fetch('/alerts/live', {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  })
  if (!response.ok) return null
  const { channel, labels } = await response.json()
  if (!channel) return null

  /** The page's one live connection, shared with the inbox and the feed banner. */
  const transmit = liveClient()
  const subscription = transmit.subscription(channel)
  subscription.onMessage((message) => {
    if (message?.kind === 'alert.raised') showToast(message, labels)
    if (message?.kind === 'alert.retracted') removeToast(message.id)
  })
  await subscription.create()
  /** A hook for people and tests: this page hears the neighbourhood's alerts. */
  if (subscription.isCreated) document.documentElement.dataset.liveAlerts = 'subscribed'
  return transmit
}
