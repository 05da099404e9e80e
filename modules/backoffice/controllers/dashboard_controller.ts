import type { HttpContext } from '@adonisjs/core/http'
import { CHART_KEYS, queueCounts, weeklySeries } from '#modules/backoffice/queries/dashboard'
import { barChart } from '#modules/backoffice/services/bar_chart'
import { ZONE } from '#modules/backoffice/services/weeks'

const VIEW = 'backoffice::pages/dashboard'

/**
 * The back office's home (operators only, `operator` middleware): what
 * waits in each queue, linking to its page, and the weekly activity of the
 * last twelve weeks drawn as bar charts.
 */
export default class DashboardController {
  async show(ctx: HttpContext) {
    const [queues, { series }] = await Promise.all([queueCounts(), weeklySeries()])
    /** A Monday 'YYYY-MM-DD' read at noon UTC is that same day in Paris. */
    const day = (week: string, options: Intl.DateTimeFormatOptions) =>
      ctx.i18n.formatDate(new Date(`${week}T12:00:00Z`), { timeZone: ZONE, ...options })
    const charts = CHART_KEYS.map((key) => ({
      key,
      ...barChart(series[key], (week) => ({
        short: day(week, { day: 'numeric', month: 'short' }),
        long: day(week, { dateStyle: 'long' }),
      })),
    }))
    return ctx.view.render(VIEW, {
      queues,
      charts,
    })
  }
}
