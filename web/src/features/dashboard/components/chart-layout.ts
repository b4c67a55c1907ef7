// The bar chart by region lays its bars out in fixed bands (no automatic label margin), so a bar's place
// follows from its row: the browser test clicks a township's bar where this says it is.
export const BAR_GRID = { left: 132, right: 64, top: 8, bottom: 28 } as const;
/** The height of one region's band; the chart grows with the number of child regions. */
export const BAR_BAND = 34;
/** The chart's height for `rows` bars. */
export const barChartHeight = (rows: number) => Math.max(3, rows) * BAR_BAND + BAR_GRID.top + BAR_GRID.bottom;
