import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { centrePage, decodeCentreCursor } from '#modules/notifications/queries/centre_page'
import { writeDate } from '#modules/notifications/services/notify'
import { safePath } from '#modules/notifications/services/paths'
import { centreQueryValidator } from '#modules/notifications/validators/notification_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

/**
 * The notification centre: the resident's own notifications, newest
 * first, read in the language of the page (the rows keep translation keys
 * and values, not the text of the mail).
 */
export default class NotificationsController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    /** A cursor we did not write leads nowhere: 404, like an unknown page. */
    const query = await centreQueryValidator.validate(ctx.request.qs()).catch(() => pageNotFound())
    const before = query.before ? decodeCentreCursor(query.before) : null
    if (query.before && !before) pageNotFound()
    const page = await centrePage(Number(user.id), before)
    const locale = ctx.i18n.locale
    const items = page.rows.map((row) => {
      const { _dates: dateKeys, ...stored } = row.values as Record<string, unknown>
      const values: Record<string, unknown> = { name: user.displayName, ...stored }
      for (const key of Array.isArray(dateKeys) ? dateKeys : []) {
        const date = new Date(String(values[key]))
        if (!Number.isNaN(date.getTime())) values[key] = writeDate(date, locale)
      }
      return {
        id: row.id,
        title: ctx.i18n.t(`${row.keys}.subject`, values),
        text: ctx.i18n.t(`${row.keys}.intro`, values),
        unread: row.readAt === null,
        when: ctx.i18n.formatDate(row.createdAt, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Europe/Paris',
        }),
        at: row.createdAt.toISOString(),
      }
    })
    return ctx.view.render('notifications::pages/index', {
      items,
      next: page.next,
      first: before === null,
    })
  }

  /** Opening one marks it read, then leads where it points (a path of this site only). */
  async open(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    const row = await db.from('notifications').where({ id, user_id: userId }).select('path').first()
    if (!row) pageNotFound()
    await db
      .from('notifications')
      .where({ id, user_id: userId })
      .whereNull('read_at')
      .update({ read_at: new Date() })
    return ctx.response.redirect(safePath(row.path))
  }

  async readAll(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    await db
      .from('notifications')
      .where('user_id', userId)
      .whereNull('read_at')
      .update({ read_at: new Date() })
    ctx.session.flash('success', 'notifications.flash.all_read')
    return ctx.response.redirect().toRoute('notifications.index')
  }
}
