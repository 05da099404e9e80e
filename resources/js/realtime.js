/*
| Live updates for a signed-in resident: their inbox channel over
| Server-Sent Events. Subscriptions are POSTs, so they carry the page's
| CSRF token like any form.
*/
import { Transmit } from '@adonisjs/transmit-client'

export async function connectInbox(userId, onMessage) {
  const token = document.querySelector('meta[name="csrf-token"]')?.content
  const transmit = new Transmit({
    baseUrl: window.location.origin,
    beforeSubscribe: (request) => request.headers.set('x-csrf-token', token),
  })
  const subscription = transmit.subscription(`users/${userId}/inbox`)
  await subscription.create()
  subscription.onMessage(onMessage)
  /** A hook for people and tests: live updates are on for this page. */
  if (subscription.isCreated) document.documentElement.dataset.live = 'subscribed'
  return transmit
}
