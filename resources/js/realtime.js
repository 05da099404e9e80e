/*
| Live updates over Server-Sent Events: one Transmit client, so one
| connection, per page, shared by every live feature of the page (the
| inbox, the neighbourhood's alerts, the feed banner...), each with its
| own subscription. Subscriptions are POSTs, so they carry the page's
| CSRF token like any form.
*/
import { Transmit } from '@adonisjs/transmit-client'

let client = null

/** The page's Transmit client, created on first use. */
export function liveClient() {
  if (!client) {
    const token = document.querySelector('meta[name="csrf-token"]')?.content
    client = new Transmit({
      baseUrl: window.location.origin,
      beforeSubscribe: (request) => request.headers.set('x-csrf-token', token),
    })
  }
  return client
}

/** The resident's inbox channel. */
export async function connectInbox(userId, onMessage) {
  const transmit = liveClient()
  const subscription = transmit.subscription(`users/${userId}/inbox`)
  await subscription.create()
  subscription.onMessage(onMessage)
  /** A hook for people and tests: live updates are on for this page. */
  if (subscription.isCreated) document.documentElement.dataset.live = 'subscribed'
  return transmit
}
