/**
 * What an import did, feature by feature, for the final summary.
 */
export class ImportReport {
  imported = 0
  updated = 0
  repaired: string[] = []
  skipped: { id: string; reason: string }[] = []

  get total() {
    return this.imported + this.updated + this.skipped.length
  }

  skip(id: string, reason: string) {
    this.skipped.push({ id, reason })
  }
}

export type ProgressListener = (done: number, total: number) => void
