/**
 * The geometry of a weekly bar chart drawn as inline SVG by the view
 * (no script, no inline style: the CSP forbids them). Coordinates are in
 * the viewBox's units; the browser scales the whole drawing.
 */
export const CHART = {
  width: 600,
  height: 200,
  /** Room above the tallest bar for its figure, below the bars for the dates. */
  top: 20,
  bottom: 28,
  barGap: 10,
} as const

export interface Bar {
  week: string
  /** Short date under the bar, long one for its title and the table. */
  shortLabel: string
  longLabel: string
  count: number
  x: number
  y: number
  width: number
  height: number
  /** Centre of the bar (its figure and date). */
  middle: number
}

export interface BarChart {
  viewBox: string
  baseline: number
  labelY: number
  max: number
  total: number
  bars: Bar[]
}

export function barChart(
  series: { week: string; count: number }[],
  labelOf: (week: string) => { short: string; long: string }
): BarChart {
  const max = Math.max(0, ...series.map((point) => point.count))
  const plot = CHART.height - CHART.top - CHART.bottom
  const baseline = CHART.height - CHART.bottom
  const slot = CHART.width / Math.max(series.length, 1)
  const width = Math.max(slot - CHART.barGap, 1)
  const bars = series.map((point, index) => {
    /** A zero week keeps a hairline so that the week still shows. */
    const height = max === 0 ? 1 : Math.max((point.count / max) * plot, 1)
    const x = index * slot + CHART.barGap / 2
    const labels = labelOf(point.week)
    return {
      week: point.week,
      shortLabel: labels.short,
      longLabel: labels.long,
      count: point.count,
      x: round(x),
      y: round(baseline - height),
      width: round(width),
      height: round(height),
      middle: round(x + width / 2),
    }
  })
  return {
    viewBox: `0 0 ${CHART.width} ${CHART.height}`,
    baseline,
    labelY: CHART.height - 8,
    max,
    total: series.reduce((sum, point) => sum + point.count, 0),
    bars,
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
