/**
 * Writes the "Typical individual" block (columns A–D under gross and net; only when gains count per
 * successful participant): per actor with gains, the PV of one avoided exclusion career, gross and net,
 * and for all expected successes.
 */
import { cellAddress } from "../a1";
import { FMT } from "./formats";
import { errorsFirst } from "./guards";
import type { SheetContext } from "./sheet";

export function writeTypicalIndividual(ctx: SheetContext): void {
  const { m, t, layout } = ctx;
  const ind = layout.individual;
  if (!ind) return;
  const successes = ctx.name("Successes");
  const { startAge, endAge } = m.inputs.individual;
  ctx.put(ind.header, 0, "header", [[t("typicalIndividual"), t("perPersonGross"), t("perPersonNet"), t("allSuccessesNet")]]);
  ctx.putText(ind.note, 0, "note", t("careerNote", { startAge, endAge }));
  for (const { actor, row } of ind.actors) {
    const gross = ctx.pv(layout.byActor.gainsGross.rows.get(actor.id)!);
    const net = ctx.pv(layout.byActor.gainsNet.rows.get(actor.id)!);
    ctx.putText(row, 0, "label", m.labels.get(actor.id)!);
    // Per person: undefined ("—") without successes; an error of the PV or of the successes is passed on.
    const perPerson = (pv: string) => `=${errorsFirst([pv, successes], `IF(${successes}>0,(${pv})/${successes},"—")`)}`;
    ctx.put(row, 1, "output", [[perPerson(gross), perPerson(net), `=${net}`]], FMT.kr);
  }
  const first = ind.note + 1;
  const last = ind.total - 1;
  ctx.putText(ind.total, 0, "total", t("total"));
  ctx.put(ind.total, 1, "total", [[1, 2, 3].map((c) => (ind.actors.length ? `=SUM(${cellAddress(first, c)}:${cellAddress(last, c)})` : 0))], FMT.kr);
}
