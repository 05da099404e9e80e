/*
| Live updates (Server-Sent Events): which channels a client may subscribe
| to. Unlisted channels are refused; each module authorises its own.
*/
import transmit from '@adonisjs/transmit/services/main'

/** A resident's own inbox: notifications, replies, alerts addressed to them. */
transmit.authorize<{ id: string }>('users/:id/inbox', (ctx, { id }) => {
  return !!ctx.auth.user && String(ctx.auth.user.id) === id
})
