/*
| Counts what a fake provider accepted, per recipient, with the time of the
| last acceptance, and lets the bench wait until a total is reached.
*/
export class Tally {
  readonly perKey = new Map<string, number>()
  total = 0
  /** performance.now() of the first and last acceptance. */
  firstAt: number | null = null
  lastAt: number | null = null
  #waiters: { total: number; done: () => void }[] = []

  add(key: string) {
    const now = performance.now()
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1)
    this.total += 1
    this.firstAt ??= now
    this.lastAt = now
    this.#waiters = this.#waiters.filter((waiter) => {
      if (this.total < waiter.total) return true
      waiter.done()
      return false
    })
  }

  /** Resolves true once `total` acceptances were counted, false after `timeoutMs`. */
  waitFor(total: number, timeoutMs: number): Promise<boolean> {
    if (this.total >= total) return Promise.resolve(true)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== entry)
        resolve(false)
      }, timeoutMs)
      const entry = {
        total,
        done: () => {
          clearTimeout(timer)
          resolve(true)
        },
      }
      this.#waiters.push(entry)
    })
  }

  /** Keys expected once each: how many never came, came twice or more, or were not expected. */
  check(expected: Iterable<string>): { lost: number; doubled: number; unexpected: number } {
    const wanted = new Set(expected)
    let lost = 0
    let doubled = 0
    for (const key of wanted) {
      const count = this.perKey.get(key) ?? 0
      if (count === 0) lost += 1
      if (count > 1) doubled += 1
    }
    let unexpected = 0
    for (const key of this.perKey.keys()) if (!wanted.has(key)) unexpected += 1
    return { lost, doubled, unexpected }
  }
}
