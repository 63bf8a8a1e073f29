/**
 * SOCINV typical-individual (career) functions: thin adapters over src/core/careers.
 * Career tables hold yearly costs by actor as positive amounts; the savings come out positive (gains).
 * Swedish texts are in careers.sv.json.
 */
import { checkFinite, readActors, readTable } from "../core/actors";
import { Ages, careerFlows, careerPV, careerTable } from "../core/careers";
import { asMatrix, optionalNumber, requiredNumber, toSeries } from "../core/values";
import { checkResultSize, guard, readRate, readTiming } from "./runtime";

function readAges(start_age: unknown, end_age: unknown): Ages {
  const start = optionalNumber(start_age, "start_age", NaN);
  const end = optionalNumber(end_age, "end_age", NaN);
  return { startAge: Number.isNaN(start) ? null : start, endAge: Number.isNaN(end) ? null : end };
}

/** `ramp`: omitted → no ramp-up; one number → years to full effect; a row → the share of full effect per year of effect. */
function readRamp(v: unknown): number | number[] {
  const m = asMatrix(v);
  if (m.length === 1 && m[0].length === 1) return optionalNumber(m[0][0], "ramp", 1);
  return toSeries(m, "ramp");
}

/**
 * Typical individual: present value per actor of the yearly costs of an exclusion career, of a reference (ordinary) life, and of the difference — what one avoided career saves — over ages start_age to end_age.
 * @customfunction CAREERPV
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param actors Actor names, one per row of the cost tables.
 * @param career_costs Yearly costs of the exclusion career per actor (rows) and year (columns), as positive amounts. One column = the same cost every year.
 * @param reference_costs Yearly costs of the reference life, same rows; one column = the same every year; may be negative (taxes paid).
 * @param [start_age] Age in the first column. With it, the horizon runs to end_age.
 * @param [end_age] Age at which counting stops (not included). Default 65 when start_age is given.
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns A table: header, one row per actor, total row stating the horizon.
 */
export function careerPVFn(
  rate: any[][],
  actors: any[][],
  career_costs: any[][],
  reference_costs: any[][],
  start_age?: any,
  end_age?: any,
  type?: any,
): any[][] {
  return guard(() => {
    checkResultSize(asMatrix(career_costs ?? null).length + 2, 5); // header, one row per actor, total
    const result = careerPV(
      readRate(rate),
      readActors(actors),
      readTable(career_costs, "career_costs"),
      readTable(reference_costs, "reference_costs"),
      readAges(start_age, end_age),
      readTiming(type),
    );
    return checkFinite(careerTable(result));
  });
}

/**
 * The yearly gains by actor of an intervention that helps a number of people: the saving of one avoided career × people × probability of success, starting after an effect lag and ramping up. An actor flow table (gains positive) for SOCINV.ACTORSUMMARY.
 * @customfunction CAREERFLOWS
 * @param career_costs Yearly costs of the exclusion career per actor (rows) and year (columns), as positive amounts. One column = the same cost every year.
 * @param reference_costs Yearly costs of the reference life, same rows; one column = the same every year.
 * @param people Number of people the intervention helps.
 * @param success Probability that a person's exclusion career is avoided (0–1).
 * @param [lag] Years from the start of the intervention before savings begin. Default 0.
 * @param [ramp] Years to full effect (linear), or a row with the share of full effect in each year of effect. Default: full effect at once.
 * @param [start_age] Age in the first column of the career tables. With it, the career runs to end_age.
 * @param [end_age] Age at which the career stops counting (not included). Default 65 when start_age is given.
 * @returns One row per actor; columns are years 1 … lag + career years of the intervention.
 */
export function careerFlowsFn(
  career_costs: any[][],
  reference_costs: any[][],
  people: any,
  success: any,
  lag?: any,
  ramp?: any[][],
  start_age?: any,
  end_age?: any,
): number[][] {
  return guard(() => {
    const flows = careerFlows(
      readTable(career_costs, "career_costs"),
      readTable(reference_costs, "reference_costs"),
      {
        people: requiredNumber(people, "people"),
        success: requiredNumber(success, "success"),
        lag: optionalNumber(lag, "lag", 0),
        ramp: readRamp(ramp),
      },
      readAges(start_age, end_age),
    );
    return checkFinite(flows) as number[][];
  });
}
