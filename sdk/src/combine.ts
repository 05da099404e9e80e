import type { PartnerOffer, PluginCapabilities } from './types.js'
import { NotSupported } from './types.js'
import { isSafeHttpsUrl } from './offers.js'

/** What one plugin's offers.list answered (the host leaves out plugins that failed or timed out). */
export interface PluginOffers {
  pluginId: string
  offers: readonly PartnerOffer[]
}

/** An offer tagged with its plugin; `key` ('<pluginId>:<offer id>') is unique across plugins. */
export interface MergedOffer extends PartnerOffer {
  pluginId: string
  key: string
}

/**
 * The combine rule of offers.list: every plugin is asked in parallel and
 * the answers are merged. Offers are deduplicated by plugin + id (the first
 * one wins), expired ones dropped when `now` is given, and the plugins are
 * interleaved round-robin (each keeping its own order) so that one
 * plugin's long answer cannot push the others out of a `limit`.
 */
export function mergeOffers(
  results: readonly PluginOffers[],
  options: { now?: Date; limit?: number } = {}
): MergedOffer[] {
  const queues = results.map((result) => {
    const seen = new Set<string>()
    return result.offers
      .filter((offer) => {
        if (seen.has(offer.id)) return false
        seen.add(offer.id)
        return !options.now || offer.expiresAt.getTime() > options.now.getTime()
      })
      .map((offer) => ({
        ...offer,
        pluginId: result.pluginId,
        key: `${result.pluginId}:${offer.id}`,
      }))
  })
  const merged: MergedOffer[] = []
  const keys = new Set<string>()
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  for (
    let round = 0;
    merged.length < limit && queues.some((queue) => round < queue.length);
    round++
  ) {
    for (const queue of queues) {
      const offer = queue[round]
      if (!offer || keys.has(offer.key) || merged.length >= limit) continue
      keys.add(offer.key)
      merged.push(offer)
    }
  }
  return merged
}

/**
 * The combine rule of booking.link: the candidates are asked in parallel
 * and the first answer that `accept` takes wins; answers that come later
 * are ignored. A candidate that throws (NotSupported or anything else) or
 * answers something refused is skipped. Resolves to undefined when no
 * candidate answers.
 */
export function firstAnswer<T>(
  candidates: ReadonlyArray<() => Promise<T>>,
  accept: (value: T) => boolean = () => true
): Promise<T | undefined> {
  return new Promise((resolve) => {
    let pending = candidates.length
    if (pending === 0) return resolve(undefined)
    const settleOne = () => {
      pending -= 1
      if (pending === 0) resolve(undefined)
    }
    for (const candidate of candidates) {
      Promise.resolve()
        .then(candidate)
        .then(
          (value) => (accept(value) ? resolve(value) : settleOne()),
          () => settleOne()
        )
    }
  })
}

/**
 * Where to send a resident for an offer: the plugin's booking.link answer
 * when it supports it and answers an https URL, else the offer's own deep
 * link. Errors other than NotSupported are passed to `onError` (the host
 * counts them against the plugin) and fall back to the deep link too.
 */
export async function resolveBookingLink(
  capabilities: PluginCapabilities,
  offer: PartnerOffer,
  onError?: (error: unknown) => void
): Promise<string> {
  const booking = capabilities.booking
  if (!booking) return offer.deepLink
  const link = await firstAnswer(
    [
      () =>
        booking.link(offer).catch((error: unknown) => {
          if (!(error instanceof NotSupported)) onError?.(error)
          throw error
        }),
    ],
    isSafeHttpsUrl
  )
  return link ?? offer.deepLink
}
