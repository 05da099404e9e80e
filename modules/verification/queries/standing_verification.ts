import Verification from '#modules/verification/models/verification'

/** A resident's standing (not revoked, not superseded) verification, if any. */
export async function standingVerification(userId: number): Promise<Verification | null> {
  return Verification.query()
    .where('user_id', userId)
    .whereNull('revoked_at')
    .whereNull('superseded_at')
    .first()
}

/** A resident's verifications, newest first (operators' page, the resident's history). */
export async function verificationHistory(userId: number): Promise<Verification[]> {
  return Verification.query().where('user_id', userId).orderBy('created_at', 'desc').limit(20)
}
