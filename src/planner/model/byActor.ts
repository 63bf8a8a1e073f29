/**
 * Writes the seven By-actor blocks of the year area, one row per actor in each: costs gross (the sum of
 * the actor's cost lines) and net (× cost factor), gains gross (× expected successes when gains count
 * per success) and net (× gain factor × effect factor), net, discounted net and cumulative discounted net.
 */
import { colLetter } from "../a1";
import type { ActorDef } from "../inputs";
import { FMT } from "./formats";
import { ACTOR_BLOCKS, ActorBlock, COL, LinesLayout } from "./layout";
import type { SheetContext } from "./sheet";
import type { FixedId } from "./texts";
import { runningTotal, yearsHeader } from "./yearRows";

export function writeByActor(ctx: SheetContext): void {
  const { m, t, layout } = ctx;
  const y = layout.years;
  const nm = ctx.name;
  const rowOf = (block: ActorBlock, a: ActorDef) => layout.byActor[block].rows.get(a.id)!;
  /** The actor's cell in column `c` of another block, e.g. F61. */
  const at = (block: ActorBlock, a: ActorDef, c: string) => `${c}${rowOf(block, a) + 1}`;
  const perSuccess = m.inputs.gainBasis === "perSuccess";
  const tl = layout.timeline;

  const titles: Record<ActorBlock, FixedId> = {
    costsGross: "costsByActorGross",
    costsNet: "costsByActorNet",
    gainsGross: perSuccess ? "gainsByActorGrossPerSuccess" : "gainsByActorGross",
    gainsNet: "gainsByActorNet",
    net: "netByActor",
    disc: "discountedNetByActor",
    cum: "cumulativeByActor",
  };
  /** The formula of a year cell in column `c` of the actor's row `row` in `block`. */
  const cell = (block: ActorBlock, a: ActorDef, row: number, i: number, c: string): string => {
    switch (block) {
      case "costsGross":
        return `=${sumOfLines(layout.costs, row, c)}`;
      case "costsNet":
        return `=${at("costsGross", a, c)}*${nm("CostFactor")}`;
      case "gainsGross":
        return perSuccess ? `=${sumOfLines(layout.gains, row, c)}*${nm("Successes")}` : `=${sumOfLines(layout.gains, row, c)}`;
      case "gainsNet":
        return `=${at("gainsGross", a, c)}*${nm("GainFactor")}*${c}$${tl.effect + 1}`;
      case "net":
        return `=${at("gainsNet", a, c)}-${at("costsNet", a, c)}`;
      case "disc":
        return `=${at("net", a, c)}*${c}$${tl.df + 1}`;
      case "cum":
        return runningTotal(ctx, row, rowOf("disc", a))(i, c);
    }
  };

  for (const block of ACTOR_BLOCKS) {
    const { header, rows } = layout.byActor[block];
    yearsHeader(ctx, header, t(titles[block]), t("actor"));
    for (const actor of m.actors) {
      const row = rows.get(actor.id)!;
      ctx.putText(row, COL.label, "label", m.labels.get(actor.id)!);
      ctx.put(row, COL.firstYear, "calc", [y.letters.map((c, i) => cell(block, actor, row, i, c))], FMT.kr);
    }
  }
}

/** The sum of an actor's lines in one year: the lines whose actor (column A) is the label of the actor's row (E). */
function sumOfLines(lines: LinesLayout, actorRow: number, c: string): string {
  if (lines.first < 0) return "0";
  const A = colLetter(COL.actor);
  const actors = `$${A}$${lines.first + 1}:$${A}$${lines.last + 1}`;
  return `SUMPRODUCT((${actors}=$${colLetter(COL.label)}${actorRow + 1})*${c}$${lines.first + 1}:${c}$${lines.last + 1})`;
}
