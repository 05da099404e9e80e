import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Reportable, ReportedContent } from '#modules/moderation/index'
import { residentHome } from '#modules/neighbourhoods/index'
import User from '#modules/accounts/models/user'
import { publicProfile } from '#modules/accounts/queries/public_profile'
import { profilePhotoStorage } from '#modules/accounts/services/profile_photos'

function reported(user: User, neighbourhoodId: number): ReportedContent {
  return {
    authorId: Number(user.id),
    neighbourhoodId,
    /** "photo" reads the same in French and English: moderators know what they are judging. */
    excerpt: user.photoKey ? `${user.displayName} (photo)` : user.displayName,
    path: `/residents/${user.id}`,
    hidden: user.profileHiddenAt !== null,
  }
}

/**
 * The profile with the neighbourhood whose moderators look after it (the
 * resident's home). An erased account, or a resident without a home, has
 * no profile page left to moderate.
 */
async function findProfile(
  id: number,
  trx?: TransactionClientContract
): Promise<ReportedContent | null> {
  const user = await User.find(id, trx ? { client: trx } : undefined)
  if (!user || user.erasedAt) return null
  const home = await residentHome(Number(user.id), { trx })
  if (!home || home.neighbourhoodId === null) return null
  return reported(user, home.neighbourhoodId)
}

/**
 * Residents' profiles (name and photo) as moderation sees them. Removing
 * one deletes the photo and keeps the profile hidden: the account stays.
 */
export const profileReportable: Reportable = {
  kind: 'profile',

  /** Whoever may open the resident page may report it; never their own. */
  async locate(id, viewerId) {
    if (Number(id) === Number(viewerId)) return null
    if (!(await publicProfile(viewerId, id))) return null
    return findProfile(id)
  },

  find(id, trx) {
    return findProfile(id, trx)
  },

  async setHidden(id, hidden, trx) {
    await trx
      .from('users')
      .where('id', id)
      .update({ profile_hidden_at: hidden ? new Date() : null, updated_at: new Date() })
  },

  async remove(id, trx) {
    const row = await trx.from('users').where('id', id).forUpdate().select('photo_key').first()
    await trx.from('users').where('id', id).update({
      photo_key: null,
      photo_type: null,
      profile_hidden_at: new Date(),
      updated_at: new Date(),
    })
    const photoKey: string | null = row?.photo_key ?? null
    /** The file after the commit: a rollback must not lose it. */
    if (photoKey) {
      trx.after('commit', () => profilePhotoStorage.removeQuietly(photoKey).then(() => {}))
    }
  },
}
