/** Refused: the plugin has `limit` calls running and the wait was too long or too crowded. */
export class TooBusyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TooBusyError'
  }
}

/**
 * At most `limit` calls of one plugin at a time; the others wait in
 * order, a bounded number of them and for a bounded time (beyond, they
 * are refused rather than piling up behind a slow plugin).
 */
export class ConcurrencyLimit {
  private running = 0
  private waiting: { grant: () => void }[] = []

  constructor(
    private limit: number,
    private maxWaiting = 50
  ) {}

  get active() {
    return this.running
  }

  /** Resolves with a release function once a slot is free, within `waitMs`. */
  async acquire(waitMs: number): Promise<() => void> {
    if (this.running < this.limit) {
      this.running += 1
      return this.releaser()
    }
    if (this.waiting.length >= this.maxWaiting) {
      throw new TooBusyError(`${this.limit} calls running and ${this.maxWaiting} waiting`)
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer)
          resolve()
        },
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1)
        reject(new TooBusyError(`no free slot within ${waitMs} ms`))
      }, waitMs)
      this.waiting.push(waiter)
    })
    return this.releaser()
  }

  private releaser() {
    let released = false
    return () => {
      if (released) return
      released = true
      /** The slot passes straight to the next waiter, if any. */
      const next = this.waiting.shift()
      if (next) next.grant()
      else this.running -= 1
    }
  }
}
