import type { NodeMailerMessage } from '@adonisjs/mail/types'

type AddressEntry = string | { address: string; name?: string }
const FIELDS = ['to', 'cc', 'bcc'] as const

/** A recipient entry's bare address, lower-cased ("Anna <a@b>" -> "a@b"). */
export function bareAddress(entry: unknown): string | null {
  const raw = typeof entry === 'string' ? entry : (entry as { address?: unknown })?.address
  if (typeof raw !== 'string') return null
  return (raw.match(/<([^>]+)>/)?.[1] ?? raw).trim().toLowerCase()
}

/** Every to/cc/bcc address of a compiled message (strings or { address, name }). */
export function recipientsOf(message: Partial<NodeMailerMessage> | undefined): string[] {
  if (!message) return []
  return FIELDS.flatMap((field) => [message[field] ?? []].flat())
    .map(bareAddress)
    .filter((address): address is string => address !== null)
}

/** The message without the recipients `keep` refuses; null when nobody is left in `to`. */
export function withRecipients(
  message: NodeMailerMessage,
  keep: (address: string) => boolean
): NodeMailerMessage | null {
  const filtered: NodeMailerMessage = { ...message }
  for (const field of FIELDS) {
    if (message[field] === undefined) continue
    const kept = [message[field] as AddressEntry | AddressEntry[]].flat().filter((entry) => {
      const address = bareAddress(entry)
      return address !== null && keep(address)
    })
    filtered[field] = kept as never
  }
  return [filtered.to ?? []].flat().length > 0 ? filtered : null
}
