import { authorizeChannel } from '#app/realtime/channels'
import { residentHome } from '#modules/neighbourhoods/index'

/**
 * A neighbourhood's live alerts (the toast on any open page): only its
 * own residents listen, whatever id a page asks for.
 */
authorizeChannel<{ id: string }>('neighbourhoods/:id/alerts', async (ctx, { id }) => {
  if (!ctx.auth.user) return false
  const home = await residentHome(Number(ctx.auth.user.id))
  return home?.neighbourhoodId !== null && String(home?.neighbourhoodId) === id
})
