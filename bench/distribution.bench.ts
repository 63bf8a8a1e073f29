/**
 * Issue 3: the who-pays-who-gains summary on a 12-actor × 50-year table, 1,000 times, and a 12-way exact
 * split of a 50-year row, 10,000 times, both through the custom-function entry points, each next to a plain
 * float loop doing the same arithmetic (the float split rounds with Math.round and does NOT sum exactly:
 * it is the cost floor, not an alternative).
 */
import { actorSummaryFn } from "../src/functions/actors";
import { split } from "../src/functions/allocation";
import type { BenchCase } from "./harness";

const ACTORS = 12;
const YEARS = 50;
const labels = Array.from({ length: ACTORS }, (_, i) => [`Aktör ${i + 1}`]);
const flows = Array.from({ length: ACTORS }, (_, i) =>
  Array.from({ length: YEARS }, (_, t) => (i < 2 && t < 3 ? -2e6 - 1000 * i : Math.round(50000 * (1 + Math.sin(i + t)) - 20000))),
);
const rate = [[0.035]];

const yearly = [Array.from({ length: YEARS }, (_, t) => 1000000 + 1237 * t)];
const rawShares = Array.from({ length: ACTORS }, (_, i) => i + 1);
const shareTotal = rawShares.reduce((a, b) => a + b, 0);
const shares = rawShares.map((s) => [s / shareTotal]);

const SUMMARIES = 1000;
const SPLITS = 10000;

export const benchmarks: BenchCase[] = [
  {
    name: `SOCINV.ACTORSUMMARY ${ACTORS} actors × ${YEARS} years × ${SUMMARIES.toLocaleString("en")}`,
    detail: `${SUMMARIES} evaluations of actorSummary(rate, ${ACTORS} labels, ${ACTORS}×${YEARS} range) through the custom-function entry point; baseline: the same PVs of costs and gains per row in a float loop, factors computed once per evaluation`,
    run: () => {
      let s = 0;
      for (let k = 0; k < SUMMARIES; k++) s += actorSummaryFn(rate, labels, flows, null)[ACTORS + 1][3] as number;
      if (!Number.isFinite(s)) throw new Error("bad");
    },
    baseline: () => {
      let s = 0;
      for (let k = 0; k < SUMMARIES; k++) {
        let net = 0;
        const g = new Array<number>(YEARS);
        for (let t = 0; t < YEARS; t++) g[t] = Math.pow(1.035, t + 1);
        for (let i = 0; i < ACTORS; i++) {
          let costs = 0;
          let gains = 0;
          for (let t = 0; t < YEARS; t++) {
            const v = flows[i][t] / g[t];
            if (v < 0) costs += v;
            else gains += v;
          }
          net += costs + gains;
        }
        s += net;
      }
      if (!Number.isFinite(s)) throw new Error("bad");
    },
  },
  {
    name: `SOCINV.SPLIT ${ACTORS}-way exact split of a ${YEARS}-year row × ${SPLITS.toLocaleString("en")}`,
    detail: `${SPLITS} evaluations of split(1×${YEARS} row, ${ACTORS} shares) through the custom-function entry point (largest remainder, exact); baseline: Math.round of each quota (not exact)`,
    run: () => {
      let s = 0;
      for (let k = 0; k < SPLITS; k++) s += split(yearly, shares, null)[ACTORS - 1][YEARS - 1];
      if (!Number.isFinite(s)) throw new Error("bad");
    },
    baseline: () => {
      let s = 0;
      for (let k = 0; k < SPLITS; k++) {
        const out: number[][] = [];
        for (let i = 0; i < ACTORS; i++) {
          const row = new Array<number>(YEARS);
          for (let t = 0; t < YEARS; t++) row[t] = Math.round(yearly[0][t] * shares[i][0]);
          out.push(row);
        }
        s += out[ACTORS - 1][YEARS - 1];
      }
      if (!Number.isFinite(s)) throw new Error("bad");
    },
  },
];
