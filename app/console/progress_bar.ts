/**
 * A one-line progress bar for long imports: redrawn in place on a
 * terminal, a line every 10% otherwise (CI logs).
 */
export function progressBar(label: string) {
  let lastDecile = -1
  return (done: number, total: number) => {
    const ratio = total === 0 ? 1 : done / total
    if (process.stdout.isTTY) {
      const width = 30
      const filled = Math.round(ratio * width)
      process.stdout.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`
      )
      if (done >= total) process.stdout.write('\n')
      return
    }
    const decile = Math.floor(ratio * 10)
    if (decile !== lastDecile) {
      lastDecile = decile
      console.log(`${label}: ${done}/${total} (${decile * 10}%)`)
    }
  }
}
