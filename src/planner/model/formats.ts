/** Excel number formats of the model sheet's cells, by what the cell holds. */
export const FMT = {
  kr: "#,##0",
  pct: "0.0%",
  factor: "0.0000",
  year: "0",
  /** Ratios with thousands separators too: a benefit–cost ratio can be 3 482 126 241 798,10. */
  ratio: "#,##0.00",
  index: "0.0###",
  /** Years with one decimal: payback, timing within the year, time in discounting. */
  years: "0.0",
  count: "#,##0.0",
  int: "0",
  text: "@",
  /** The accumulated growth (1 + r) of the portable discount factors. */
  growth: "0.000000",
} as const;
