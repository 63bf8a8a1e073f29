/**
 * SOCINV internal rate of return: a thin adapter over src/core/irr. Arguments are declared in ./specs and
 * read by ./args; the Swedish texts are in ./irr.sv.json.
 */
import { irr as coreIrr } from "../core/irr";
import { readArgs } from "./args";
import { guard } from "./runtime";
import { SPECS } from "./specs";

/**
 * Internal rate of return: the discount rate that makes the present value zero (break-even discount rate). #NUM! when there is no such rate or more than one.
 * @customfunction IRR
 * @param values Net flow per period (costs negative, gains positive). Blank = 0.
 * @returns The internal rate of return.
 */
export function irr(values: any[][]): number {
  return guard(() => coreIrr(readArgs(SPECS.IRR, [values]).values));
}
