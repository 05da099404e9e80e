import db from '@adonisjs/lucid/services/db'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { accounts } from '#modules/accounts/index'
import { eventPath, upcomingEventsOfOrganisation } from '#modules/events/index'
import { openGroupBuysOfShop } from '#modules/group_buys/index'
import { residentHome } from '#modules/neighbourhoods/index'
import { noticesOf } from '#modules/organisations/queries/notices'
import type { OrganisationRow } from '#modules/organisations/queries/organisation_access'
import { WEEKDAYS, currentClosures, openNow } from '#modules/organisations/services/opening_hours'
import { offerPhotoPath, photoPath } from '#modules/organisations/services/links'
import { parisToday } from '#modules/organisations/services/paris_time'
import { organisationSettings, type Role } from '#modules/organisations/services/settings'

/** What the storefront (or the page of a town hall or association) shows. */
export async function storefrontState(
  organisation: OrganisationRow,
  role: Role | null,
  userId: number
) {
  const id = organisation.id
  const [photos, offers, count, mine, home] = await Promise.all([
    db.from('organisation_photos').where('organisation_id', id).orderBy('id').select('id'),
    db
      .from('shop_offers')
      .where('organisation_id', id)
      .where('valid_until', '>=', parisToday())
      /** Hidden by moderation: off the storefront (its author is told and may appeal). */
      .whereNull('hidden_at')
      .orderBy('published_at', 'desc')
      .select(
        'id',
        'title',
        'text',
        db.raw(`to_char(valid_until, 'YYYY-MM-DD') AS valid_until`),
        'photo_key'
      ),
    db
      .from('organisation_recommendations')
      .where('organisation_id', id)
      .count('* as total')
      .first(),
    db.from('organisation_recommendations').where({ organisation_id: id, user_id: userId }).first(),
    residentHome(userId),
  ])
  /** Town halls' notices and associations' posts (the same rows, see publish_notice.ts). */
  const notices =
    organisation.kind !== 'shop'
      ? await noticesOf(id, {
          member: role !== null,
          townId: home?.townId ?? null,
          neighbourhoodId: home?.neighbourhoodId ?? null,
        })
      : []
  const events = await upcomingEventsOfOrganisation(id, userId)
  return {
    organisation,
    role,
    photos: photos.map((photo) => ({ id: Number(photo.id), url: photoPath(id, Number(photo.id)) })),
    offers: offers.map((offer) => ({
      id: Number(offer.id),
      title: offer.title as string,
      text: offer.text as string,
      validUntil: calendarDay(String(offer.valid_until)),
      photoUrl: offer.photo_key ? offerPhotoPath(id, Number(offer.id)) : null,
    })),
    recommendations: Number(count?.total ?? 0),
    recommended: Boolean(mine),
    mayRecommend: organisation.kind === 'shop' && role === null,
    open:
      organisation.kind === 'shop'
        ? openNow(organisation.openingHours, organisation.closures)
        : null,
    hours: WEEKDAYS.map((day) => ({ day, ranges: organisation.openingHours[day] ?? [] })),
    closures: currentClosures(organisation.closures).map((closure) => ({
      from: calendarDay(closure.from),
      until: calendarDay(closure.until),
    })),
    notices,
    events: events.map((event) => ({
      id: event.id,
      title: event.title,
      startsAt: event.startsAt,
      placeLabel: event.placeLabel,
      path: eventPath(event.id),
    })),
    groupBuys: organisation.kind === 'shop' ? await openGroupBuysOfShop(id, userId) : [],
    map: neighbourhoodsConfig.map,
  }
}

/** The members page: who, with which role, and accounts found by name. */
export async function membersState(organisation: OrganisationRow, role: Role, q: string) {
  const rows = await db
    .from('organisation_members')
    .where('organisation_id', organisation.id)
    .orderBy('created_at')
    .select('user_id', 'role')
  const names = await accounts.displayNames(rows.map((row) => Number(row.user_id)))
  const memberIds = new Set(rows.map((row) => Number(row.user_id)))
  /** By name only, at least 3 letters; e-mails are not shown to owners. */
  const searched =
    role === 'owner' && q.trim().length >= 3 && !q.includes('@') ? await accounts.search(q, 10) : []
  const found = searched
    .filter((account) => !memberIds.has(account.id))
    .map((account) => ({ id: account.id, displayName: account.displayName }))
  return {
    organisation,
    role,
    members: rows.map((row) => ({
      userId: Number(row.user_id),
      role: row.role as Role,
      displayName: names.get(Number(row.user_id)) ?? '',
    })),
    q,
    found,
    roles: [
      { value: 'editor', label: 'organisations.roles.editor' },
      { value: 'owner', label: 'organisations.roles.owner' },
    ],
  }
}

/** The management page: status, history of decisions, postcard state, this month's offers. */
export async function manageState(organisation: OrganisationRow, role: Role) {
  const id = organisation.id
  const [history, postcard, offersThisMonth] = await Promise.all([
    db
      .from('organisation_verifications')
      .where('organisation_id', id)
      .orderBy('created_at', 'desc')
      .select('method', 'decision', 'decided_by_id', 'note', 'created_at'),
    db
      .from('organisation_postcards')
      .where('organisation_id', id)
      .whereNull('used_at')
      .orderBy('id', 'desc')
      .select('printed_at', 'attempts')
      .first(),
    db.rawQuery(
      `SELECT count(*) AS total FROM shop_offers
        WHERE organisation_id = ?
          AND published_at >= date_trunc('month', now() AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris'`,
      [id]
    ),
  ])
  const names = await accounts.displayNames(
    history.map((row) => Number(row.decided_by_id)).filter(Boolean)
  )
  return {
    organisation,
    role,
    history: history.map((row) => ({
      method: row.method as string,
      decision: row.decision as string,
      by: names.get(Number(row.decided_by_id)) ?? '',
      note: row.note as string,
      at: new Date(row.created_at),
    })),
    postcard: postcard
      ? {
          printed: Boolean(postcard.printed_at),
          triesLeft: organisationSettings.postcardTries - Number(postcard.attempts),
        }
      : null,
    offersThisMonth: Number(offersThisMonth.rows[0]?.total ?? 0),
    offersPerMonth: organisationSettings.offersPerMonth,
  }
}

/** The back office: reviews asked, postcards to print. */
export async function operatorQueue() {
  const [pending, postcards] = await Promise.all([
    db
      .from('organisations')
      .where('verification_status', 'pending')
      .orderBy('review_requested_at')
      .select('id', 'kind', 'name', 'siret', 'rna', 'address_label', 'review_requested_at'),
    db
      .from('organisation_postcards as p')
      .join('organisations as o', 'o.id', 'p.organisation_id')
      .whereNull('p.printed_at')
      .whereNull('p.used_at')
      .orderBy('p.id')
      .select('p.id', 'p.address_label', 'p.created_at', 'o.name', 'o.siret'),
  ])
  return {
    pending: pending.map((row) => ({ ...row, id: Number(row.id) })),
    postcards: postcards.map((row) => ({ ...row, id: Number(row.id) })),
  }
}

/** A calendar day (YYYY-MM-DD) as a Date the views format with timeZone UTC (no day shift). */
function calendarDay(day: string): Date {
  return new Date(`${day}T12:00:00Z`)
}
