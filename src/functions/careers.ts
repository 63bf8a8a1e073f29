/**
 * SOCINV typical-individual (career) functions: thin adapters over src/core/careers.
 * Career tables hold yearly costs by actor as positive amounts; the savings come out positive (gains).
 * Swedish texts are in careers.sv.json.
 */
import { checkFinite } from "../core/actors";
import { careerFlows, careerPV, careerTable } from "../core/careers";
import { asMatrix } from "../core/values";
import { readArgs } from "./args";
import { checkResultSize, guard } from "./runtime";
import { SPECS } from "./specs";

/**
 * Typical individual: present value per actor of the yearly costs of an exclusion career, of a reference (ordinary) life, and of the difference — what one avoided career saves — over ages start_age to end_age.
 * @customfunction CAREERPV
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param actors Actor names, one per row of the cost tables.
 * @param career_costs Yearly costs of the exclusion career per actor (rows) and year (columns), as positive amounts. One column = the same cost every year.
 * @param reference_costs Yearly costs of the reference life, same rows; one column = the same every year; may be negative (taxes paid).
 * @param [start_age] Age in the first column. With it, the horizon runs to end_age. Empty or 0: no ages (the tables' columns).
 * @param [end_age] Age at which counting stops (not included). Default 65 when start_age is given (also when empty or 0).
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
    const a = readArgs(SPECS.CAREERPV, [rate, actors, career_costs, reference_costs, start_age, end_age, type]);
    const result = careerPV(a.rate, a.actors, a.career_costs, a.reference_costs, { startAge: a.start_age, endAge: a.end_age }, a.type);
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
 * @param [start_age] Age in the first column of the career tables. With it, the career runs to end_age. Empty or 0: no ages (the tables' columns).
 * @param [end_age] Age at which the career stops counting (not included). Default 65 when start_age is given (also when empty or 0).
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
    const a = readArgs(SPECS.CAREERFLOWS, [career_costs, reference_costs, people, success, lag, ramp, start_age, end_age]);
    const scale = { people: a.people, success: a.success, lag: a.lag, ramp: a.ramp };
    const flows = careerFlows(a.career_costs, a.reference_costs, scale, { startAge: a.start_age, endAge: a.end_age });
    return checkFinite(flows) as number[][];
  });
}
