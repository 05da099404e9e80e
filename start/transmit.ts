/*
| Live updates (Server-Sent Events): the channels residents may subscribe
| to. A channel not declared here or by a module is refused.
*/
import { authorizeChannel } from '#app/realtime/channels'

/** A resident's own inbox: notifications, replies, alerts addressed to them. */
authorizeChannel<{ id: string }>('users/:id/inbox', (ctx, { id }) => {
  return !!ctx.auth.user && String(ctx.auth.user.id) === id
})
