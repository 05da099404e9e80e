import { partnerHost } from '#modules/partners/services/host'

/**
 * Plugins needing an operator's look: those that failed to load, and
 * loaded ones whose circuit breaker is not closed (in this process).
 */
export async function pluginsNeedingAttention(): Promise<number> {
  await partnerHost.ensureLoaded()
  const tripped = partnerHost.active().filter((plugin) => plugin.breaker.state !== 'closed')
  return partnerHost.failures().length + tripped.length
}
