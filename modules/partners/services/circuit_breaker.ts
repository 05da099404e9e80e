export type BreakerState = 'closed' | 'open' | 'half_open'

/**
 * One plugin's circuit breaker: after `failureThreshold` consecutive
 * failures it opens and refuses calls; once `cooldownMs` has passed it
 * lets one trial call through (half-open): a success closes it, a failure
 * opens it again for another cool-down.
 */
export class CircuitBreaker {
  private failures = 0
  private openedAt: number | null = null
  private trialRunning = false

  constructor(
    private settings: { failureThreshold: number; cooldownMs: number },
    private now: () => number
  ) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed'
    return this.now() - this.openedAt >= this.settings.cooldownMs ? 'half_open' : 'open'
  }

  /** Whether a call may go ahead now (in half-open, only one at a time: the trial). */
  tryAcquire(): boolean {
    const state = this.state
    if (state === 'closed') return true
    if (state === 'open' || this.trialRunning) return false
    this.trialRunning = true
    return true
  }

  succeeded() {
    this.failures = 0
    this.openedAt = null
    this.trialRunning = false
  }

  failed() {
    this.failures += 1
    if (this.trialRunning || this.failures >= this.settings.failureThreshold) {
      this.openedAt = this.now()
    }
    this.trialRunning = false
  }

  /** The trial call was never made (no free slot): another caller may try. */
  cancelTrial() {
    this.trialRunning = false
  }

  /** A call that neither proved nor disproved the plugin (it does not support that input). */
  neutral() {
    if (this.trialRunning) this.succeeded()
  }
}
