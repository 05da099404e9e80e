import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import PostcardBatch from '#modules/verification/models/postcard_batch'
import PostcardRequest from '#modules/verification/models/postcard_request'
import { decryptCode } from '#modules/verification/services/postcards/code_secrets'
import { formatCode } from '#modules/verification/services/postcards/codes'
import { addDays, postcardSettings } from '#modules/verification/services/postcards/settings'

type Client = { client?: TransactionClientContract }

/** A resident's most recent request (`forUpdate` inside a transaction locks it). */
export async function latestRequest(
  userId: number,
  options: Client & { forUpdate?: boolean } = {}
): Promise<PostcardRequest | null> {
  const query = PostcardRequest.query({ client: options.client })
    .where('user_id', userId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
  if (options.forUpdate) query.forUpdate()
  return query.first()
}

/** When cards were asked for this address in the last 365 days, whoever asked. */
export async function addressRequestDates(
  addressKey: string,
  now: Date,
  options: Client = {}
): Promise<Date[]> {
  const since = addDays(now, -postcardSettings.perAddressWindowDays)
  const rows = await PostcardRequest.query({ client: options.client })
    .where('address_key', addressKey)
    .where('requested_at', '>', since)
    .select('requested_at')
  return rows.map((row) => row.requestedAt.toJSDate())
}

/** Requests waiting for a print batch, oldest first (name, town and date only). */
export async function waitingRequests(limit: number = postcardSettings.batchCap) {
  const rows = await PostcardRequest.query()
    .where('status', 'requested')
    .orderBy('requested_at')
    .orderBy('id')
    .limit(limit)
    .select('id', 'recipient_name', 'town', 'postcode', 'requested_at')
  return rows.map((row) => ({
    id: row.id,
    recipientName: row.recipientName,
    town: row.town,
    postcode: row.postcode,
    requestedAt: row.requestedAt.toJSDate(),
  }))
}

export async function countWaiting(): Promise<number> {
  const row = await PostcardRequest.query().where('status', 'requested').count('* as total').first()
  return Number(row?.$extras.total ?? 0)
}

/** The latest print batches, newest first. */
export async function recentBatches(limit = 50): Promise<PostcardBatch[]> {
  return PostcardBatch.query().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit)
}

export interface PrintableCard {
  id: number
  reference: string
  recipientName: string
  complement: string | null
  street: string
  postcode: string
  town: string
  code: string
  expiresAt: Date
}

/** "CP-000042": the card's reference for the mailing house (no personal data). */
export function cardReference(id: number): string {
  return `CP-${String(id).padStart(6, '0')}`
}

/**
 * The cards of a batch not yet posted, with their codes decrypted (for the
 * print page and the CSV only). Cards whose code is already dead (used,
 * locked, cancelled) are left out: there is nothing to send.
 */
export async function printableCards(batchId: number): Promise<PrintableCard[]> {
  const rows = await PostcardRequest.query()
    .where('batch_id', batchId)
    .where('status', 'printed')
    .whereNotNull('code_encrypted')
    .orderBy('postcode')
    .orderBy('id')
  const cards: PrintableCard[] = []
  for (const row of rows) {
    const code = decryptCode(row.codeEncrypted!)
    if (!code) continue
    cards.push({
      id: row.id,
      reference: cardReference(row.id),
      recipientName: row.recipientName,
      complement: row.complement,
      street: row.street,
      postcode: row.postcode,
      town: row.town,
      code: formatCode(code),
      expiresAt: row.expiresAt!.toJSDate(),
    })
  }
  return cards
}
