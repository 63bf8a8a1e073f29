/** Issue 2: SOCINV.NPV through the custom-function entry point, against a plain float loop. */
import { npv } from "../src/functions/discounting";
import type { BenchCase } from "./harness";

const N = 10000;
const PERIODS = 50;
const values = Array.from({ length: PERIODS }, (_, i) => (i === 0 ? -5e6 : 180000 + 1000 * Math.sin(i)));
const range = [values]; // a row, as Excel passes it
const rate = [[0.035]];

export const benchmarks: BenchCase[] = [
  {
    name: "SOCINV.NPV 50 periods × 10,000",
    detail: `${N} evaluations of npv(rate, 1×${PERIODS} range, type 0) through the custom-function entry point`,
    targetMs: 100,
    run: () => {
      let s = 0;
      for (let k = 0; k < N; k++) s += npv(rate, range, null);
      if (!Number.isFinite(s)) throw new Error("bad");
    },
    baseline: () => {
      let s = 0;
      for (let k = 0; k < N; k++) {
        let pv = 0;
        for (let i = 0; i < PERIODS; i++) pv += values[i] / Math.pow(1.035, i + 1);
        s += pv;
      }
      if (!Number.isFinite(s)) throw new Error("bad");
    },
  },
];
