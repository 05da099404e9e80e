import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { addressHash } from '#app/mail/address_opt_outs'

/** Longer than any queued mail's retries (config/queue.ts: minutes). */
const ERASURE_MEMORY_MS = 24 * 60 * 60 * 1000

/**
 * Recorded by an erasure, in its transaction: mails to this address queued
 * before now are not sent. The table is created by the privacy module.
 */
export async function recordErasedAddress(client: QueryClientContract, address: string) {
  const now = new Date()
  await client
    .from('erased_mail_addresses')
    .where('erased_at', '<', new Date(now.getTime() - ERASURE_MEMORY_MS))
    .delete()
  await client
    .table('erased_mail_addresses')
    .insert({ address_hash: addressHash(address), erased_at: now })
    .onConflict('address_hash')
    .merge(['erased_at'])
}

/**
 * Addresses among `addresses` that must get nothing, checked when a queued
 * mail is about to leave rather than only when it was queued: the address
 * opted out of all mail since, or its account was erased after the mail
 * was queued (a new account with the same address gets its own mails).
 */
export async function heldAddresses(addresses: string[], queuedAt: Date): Promise<Set<string>> {
  if (addresses.length === 0) return new Set()
  const byHash = new Map(addresses.map((address) => [addressHash(address), address]))
  const hashes = [...byHash.keys()]
  const [optedOut, erased] = await Promise.all([
    db.from('mail_opt_outs').whereIn('address_hash', hashes).select('address_hash'),
    db
      .from('erased_mail_addresses')
      .whereIn('address_hash', hashes)
      .where('erased_at', '>=', queuedAt)
      .select('address_hash'),
  ])
  return new Set([...optedOut, ...erased].map((row) => byHash.get(row.address_hash)!))
}
