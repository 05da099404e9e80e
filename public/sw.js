/*
| Quartier's service worker: shows neighbourhood alerts pushed by the
| server (web push, VAPID) as system notifications, and opens the alert
| when one is tapped. Registered from the alert preferences page
| (resources/js/alerts/push.js). It caches nothing.
*/
self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('push', (event) => {
  let data = {}
  try {
    data = event.data ? event.data.json() : {}
  } catch {
    data = { body: event.data ? event.data.text() : '' }
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'Quartier'
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      icon: '/favicon.svg',
      badge: '/favicon.svg',
      /** One notification per alert: a repeated push replaces it instead of piling up. */
      tag: data.id ? `alert-${data.id}` : 'quartier',
      renotify: Boolean(data.id),
      requireInteraction: data.severity === 'critical',
      data: { url: typeof data.url === 'string' ? data.url : '/alerts' },
    })
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = new URL(event.notification.data?.url || '/alerts', self.location.origin)
  /** Only this site's pages. */
  if (url.origin !== self.location.origin) return
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      const open = windows.find((client) => client.url === url.href)
      if (open) return open.focus()
      return self.clients.openWindow(url.href)
    })()
  )
})
