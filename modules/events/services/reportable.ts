import type { Reportable, ReportedContent } from '#modules/moderation/index'
import { mayView } from '#modules/events/queries/event_access'
import { findEvent, type EventRecord } from '#modules/events/queries/event_rows'

function reported(event: EventRecord): ReportedContent {
  return {
    authorId: event.authorId,
    neighbourhoodId: event.neighbourhoodId,
    excerpt: `${event.title}\n${event.placeLabel}\n${event.description}`.slice(0, 600),
    path: `/events/${event.id}`,
    hidden: event.hiddenAt !== null,
  }
}

/** Events as moderation sees them; removing one deletes it with its answers. */
export const eventReportable: Reportable = {
  kind: 'event',

  async locate(id, viewerId) {
    const event = await findEvent(id)
    if (!event || !(await mayView(event, viewerId))) return null
    return reported(event)
  },

  async find(id, trx) {
    const event = await findEvent(id, trx)
    return event ? reported(event) : null
  },

  async setHidden(id, hidden, trx) {
    await trx
      .from('events')
      .where('id', id)
      .update({ hidden_at: hidden ? new Date() : null, updated_at: new Date() })
  },

  async remove(id, trx) {
    await trx.from('events').where('id', id).delete()
  },
}
