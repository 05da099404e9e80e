import { authorizeChannel } from '#app/realtime/channels'
import { residentHome } from '#modules/neighbourhoods/index'

/** A neighbourhood's feed announcements: only its own residents listen. */
authorizeChannel<{ id: string }>('neighbourhoods/:id/feed', async (ctx, { id }) => {
  if (!ctx.auth.user) return false
  const home = await residentHome(Number(ctx.auth.user.id))
  return home?.neighbourhoodId !== null && String(home?.neighbourhoodId) === id
})
