import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { maySee, residentHome } from '#modules/neighbourhoods/index'
import { hiddenContentViewer } from '#modules/moderation/index'
import { trustLevelOf } from '#modules/verification/index'
import GroupBuy from '#modules/group_buys/models/group_buy'
import { GroupBuyNotFoundError, GroupBuyRefusal } from '#modules/group_buys/services/errors'

/**
 * Whether a resident may see a campaign: its organiser always; a draft
 * nobody else; someone who pledged even if they moved since; otherwise
 * the scope rule (maySee), unverified residents reading their own
 * neighbourhood only, as everywhere on Quartier.
 */
export async function mayView(groupBuy: GroupBuy, viewerId: number): Promise<boolean> {
  /** Hidden by moderation: only its organiser and its moderators still see it. */
  if (groupBuy.hiddenAt) {
    const viewer = await hiddenContentViewer(viewerId, {
      authorId: groupBuy.organiserId,
      neighbourhoodId: groupBuy.neighbourhoodId,
    })
    if (viewer === null) return false
    if (viewer === 'moderator') return true
  }
  if (groupBuy.organiserId === viewerId) return true
  if (groupBuy.status === 'draft') return false
  if (await pledged(groupBuy.id, viewerId)) return true
  const visible = await maySee(viewerId, {
    neighbourhoodId: groupBuy.neighbourhoodId,
    scope: groupBuy.scope,
  })
  if (!visible) return false
  const home = await residentHome(viewerId)
  return trustLevelOf(home) === 'verified' || home?.neighbourhoodId === groupBuy.neighbourhoodId
}

async function pledged(groupBuyId: number, userId: number): Promise<boolean> {
  const row = await db
    .from('group_buy_pledges')
    .where({ group_buy_id: groupBuyId, user_id: userId })
    .select('id')
    .first()
  return Boolean(row)
}

/** The campaign if the resident may see it; GroupBuyNotFoundError (a 404) otherwise. */
export async function visibleCampaign(groupBuyId: number, viewerId: number): Promise<GroupBuy> {
  const groupBuy = await GroupBuy.find(groupBuyId)
  if (!groupBuy || !(await mayView(groupBuy, viewerId))) throw new GroupBuyNotFoundError()
  return groupBuy
}

/**
 * The campaign, for a step only its organiser takes. Someone else who
 * can see it is told it is not theirs (403); anyone else gets a 404.
 */
export async function organisedCampaign(groupBuyId: number, userId: number): Promise<GroupBuy> {
  const groupBuy = await GroupBuy.find(groupBuyId)
  if (!groupBuy) throw new GroupBuyNotFoundError()
  if (groupBuy.organiserId === userId) return groupBuy
  if (await mayView(groupBuy, userId)) throw new GroupBuyRefusal('not_organiser', 403)
  throw new GroupBuyNotFoundError()
}

/**
 * The campaign's row locked until the transaction ends: every pledge and
 * every change of state takes it, so they happen one after the other.
 */
export async function lockCampaign(
  trx: TransactionClientContract,
  groupBuyId: number
): Promise<GroupBuy> {
  const groupBuy = await GroupBuy.query({ client: trx }).where('id', groupBuyId).forUpdate().first()
  if (!groupBuy) throw new GroupBuyNotFoundError()
  return groupBuy
}
