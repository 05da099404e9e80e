import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Addresses that asked for no more mail from Quartier through a link that
 * names the address, not a resident's preference: invitations (people
 * without an account) and account mails (a confirmation can reach someone
 * whose address a stranger typed at sign-up). Quartier then writes nothing
 * to it. Only a hash is kept: the erasure checks search every table for
 * e-mail addresses, and a list of people who said no is nobody's to read.
 * Case and surrounding spaces do not make another address. The table is
 * created by the notifications module, which serves the link.
 */
export function addressHash(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex')
}

export async function isAddressOptedOut(
  address: string,
  client: QueryClientContract = db.connection()
): Promise<boolean> {
  const row = await client
    .from('mail_opt_outs')
    .where('address_hash', addressHash(address))
    .select('address_hash')
    .first()
  return Boolean(row)
}

/**
 * The owner of the address asked for mail again (through a link mailed
 * on their explicit request, see the accounts module's mail opt-in).
 */
export async function liftAddressOptOut(client: QueryClientContract, address: string) {
  await client.from('mail_opt_outs').where('address_hash', addressHash(address)).delete()
}

/** Idempotent: an address opted out twice stays opted out once. */
export async function optOutAddress(client: QueryClientContract, address: string) {
  await client
    .table('mail_opt_outs')
    .insert({ address_hash: addressHash(address), created_at: new Date() })
    .onConflict('address_hash')
    .ignore()
}
