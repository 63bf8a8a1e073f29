/**
 * SOCINV discounting functions: thin adapters over src/core/discounting. Their arguments are declared in
 * ./specs and read by ./args. The JSDoc here is the single source of the custom-function metadata
 * (functions.json); the Swedish texts live in ./discounting.sv.json, keyed by the same ids. Ids never change
 * once released.
 */
import {
  decliningRates,
  discountFactors as coreDiscountFactors,
  nominalRate as coreNominalRate,
  presentValue,
  realRate as coreRealRate,
  scheduleName,
  toPriceYear,
} from "../core/discounting";
import { asMatrix, widthOf } from "../core/values";
import { readArgs } from "./args";
import { SPECS } from "./specs";
import { checkResultSize, guard, row } from "./runtime";

/**
 * Present value of a series of yearly values with an explicit timing. Blank cells count as 0 and keep their year.
 * @customfunction NPV
 * @param rate Discount rate per period: one number, or a row/column with one rate per period (e.g. SOCINV.RATESCHEDULE).
 * @param values One value per period (a row or a column). Blank = 0.
 * @param [type] 0 = end of period (default, like Excel NPV), 1 = start of period (first value undiscounted), 0.5 = mid-period.
 * @returns The present value.
 */
export function npv(rate: any[][], values: any[][], type?: any): number {
  return guard(() => {
    const a = readArgs(SPECS.NPV, [rate, values, type]);
    return presentValue(a.rate, a.values, a.type);
  });
}

/**
 * Discount factors for a number of periods, as a row.
 * @customfunction DISCOUNTFACTORS
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param periods Number of periods (1 to 10000).
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns A row of discount factors.
 */
export function discountFactors(rate: any[][], periods: any, type?: any): number[][] {
  return guard(() => {
    const a = readArgs(SPECS.DISCOUNTFACTORS, [rate, periods, type]);
    return row(coreDiscountFactors(a.rate, a.periods, a.type));
  });
}

/**
 * Per-period rates of a declining long-term schedule (UK Green Book): 3.5 % for years 1–30, 3 % to 75, 2.5 % to 125, 2 % to 200, 1.5 % to 300, then 1 %. Use as the rate argument.
 * @customfunction RATESCHEDULE
 * @param periods Number of periods (1 to 10000).
 * @param [schedule] "standard" (default) or "health" (the standard rates × 1.5/3.5).
 * @returns A row of per-period rates.
 */
export function rateSchedule(periods: any, schedule?: any): number[][] {
  return guard(() => {
    const a = readArgs(SPECS.RATESCHEDULE, [periods, schedule]);
    return row(decliningRates(scheduleName(a.schedule), a.periods));
  });
}

/**
 * Real interest rate from a nominal rate and inflation: (1 + nominal) / (1 + inflation) − 1.
 * @customfunction REALRATE
 * @param nominal Nominal rate, e.g. 0.055.
 * @param inflation Inflation rate, e.g. 0.02.
 * @returns The real rate.
 */
export function realRate(nominal: any, inflation: any): number {
  return guard(() => {
    const a = readArgs(SPECS.REALRATE, [nominal, inflation]);
    return coreRealRate(a.nominal, a.inflation);
  });
}

/**
 * Nominal interest rate from a real rate and inflation: (1 + real)(1 + inflation) − 1.
 * @customfunction NOMINALRATE
 * @param real Real rate, e.g. 0.035.
 * @param inflation Inflation rate, e.g. 0.02.
 * @returns The nominal rate.
 */
export function nominalRate(real: any, inflation: any): number {
  return guard(() => {
    const a = readArgs(SPECS.NOMINALRATE, [real, inflation]);
    return coreNominalRate(a.real, a.inflation);
  });
}

/**
 * Brings a series of amounts to one price year with a price index (e.g. KPI or PKV): value × base_index / index.
 * @customfunction PRICEYEAR
 * @param values Amounts in current prices, one per period.
 * @param index Price index per period (same size as values), or one index for all.
 * @param base_index The index of the price year to express the amounts in.
 * @returns The amounts in the chosen price year, same orientation as values.
 */
export function priceYear(values: any[][], index: any[][], base_index: any): number[][] {
  return guard(() => {
    // The result has the size of values: refuse a too large one (a whole column) before reading it.
    const m = asMatrix(values ?? null);
    const [rows, cols] = [m.length, widthOf(m)];
    if (rows === 1 || cols === 1) checkResultSize(rows, cols); // a 2-D block is refused below
    const a = readArgs(SPECS.PRICEYEAR, [values, index, base_index]);
    const out = toPriceYear(a.values, a.index, a.base_index);
    return m.length > 1 ? out.map((x) => [x]) : [out];
  });
}
