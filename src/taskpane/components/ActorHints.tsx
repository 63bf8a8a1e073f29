/**
 * Budget rows the reader gave no actor (planner/actor-guess.ts was not sure): what the sheet suggests, with one
 * click to take it. A nämnd the sheet names that is not among the actors ("Tekniska nämnden") can be added and
 * given its rows; an unsure guess ("Äldreomsorg" → socialnämnden) is shown as a suggestion; rows nothing points
 * at are named, to be given an actor by hand. Nothing is assigned without the user.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from "@fluentui/react-components";
import { ActorGuess, guessActorFor } from "../../planner/actor-guess";
import type { BudgetBlock, BudgetRow } from "../../planner/budget";
import { ModelInputs, actorLabel, userActor } from "../../planner/inputs";
import { assignableRows } from "../model";
import { Lang, t } from "../strings";
import { useFieldStyles } from "./fields";

export interface ActorHintsProps {
  lang: Lang;
  block: BudgetBlock;
  inputs: ModelInputs;
  onInputs: (next: ModelInputs) => void;
}

/** Up to four labels, quoted, then "…". */
function labels(rows: BudgetRow[]): string {
  const shown = rows.slice(0, 4).map((r) => `"${r.label || r.sheetRow + 1}"`);
  return rows.length > 4 ? `${shown.join(", ")}, …` : shown.join(", ");
}

interface Hint {
  key: string;
  guess: ActorGuess;
  rows: BudgetRow[];
}

export function ActorHints({ lang, block, inputs, onInputs }: ActorHintsProps): React.JSX.Element | null {
  const f = useFieldStyles();
  // Data rows without an actor, and sum rows the user has chosen anyway.
  const without = assignableRows(block).filter((r) => {
    const c = inputs.rows.find((x) => x.sheetRow === r.sheetRow);
    return c?.actor === "" && (r.kind === "data" || c.role !== "ignore");
  });
  if (!without.length) return null;
  const hints: Hint[] = [];
  for (const row of without) {
    const guess = guessActorFor({ label: row.label, group: row.group, sheet: row.context?.sheet, titles: row.context?.titles }, inputs.actors);
    const key = guess.missing ? `missing:${guess.missing}` : guess.actor ? `guess:${guess.actor}` : "none";
    const h = hints.find((x) => x.key === key);
    if (h) h.rows.push(row);
    else hints.push({ key, guess, rows: [row] });
  }
  const assign = (next: ModelInputs, rows: BudgetRow[], actor: string) =>
    onInputs({ ...next, rows: next.rows.map((c) => (rows.some((r) => r.sheetRow === c.sheetRow) ? { ...c, actor } : c)) });
  const addNamnd = (name: string, rows: BudgetRow[]) => {
    const actor = userActor(name, inputs.actors, "namnd");
    assign({ ...inputs, actors: [...inputs.actors, actor] }, rows, actor.id);
  };
  const actorName = (id: string) => {
    const a = inputs.actors.find((x) => x.id === id);
    return a ? actorLabel(a, lang) : id;
  };
  return (
    <section aria-labelledby="actor-hints-heading" className={f.stack} data-testid="actor-hints">
      <h3 id="actor-hints-heading">{t(lang, "actorHints")}</h3>
      {hints.map(({ key, guess, rows }) => {
        const many = rows.length > 1;
        const list = labels(rows);
        if (guess.missing) {
          const name = guess.missing;
          return (
            <MessageBar key={key} intent="warning" data-testid="actor-hint" data-kind="missing" data-name={name}>
              <MessageBarBody>{t(lang, many ? "actorMissingNamndMany" : "actorMissingNamndOne", { name, count: rows.length, rows: list })}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" data-testid="actor-hint-add" onClick={() => addNamnd(name, rows)}>
                  {t(lang, "actorAddNamnd", { name })}
                </Button>
              </MessageBarActions>
            </MessageBar>
          );
        }
        if (guess.actor) {
          const actor = guess.actor;
          const params = { actor: actorName(actor), count: rows.length, rows: list, reason: guess.reason[lang] };
          return (
            <MessageBar key={key} intent="info" data-testid="actor-hint" data-kind="guess" data-actor={actor}>
              <MessageBarBody>{t(lang, many ? "actorGuessMany" : "actorGuessOne", params)}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" data-testid="actor-hint-use" onClick={() => assign(inputs, rows, actor)}>
                  {t(lang, "actorUseGuess", { actor: actorName(actor) })}
                </Button>
              </MessageBarActions>
            </MessageBar>
          );
        }
        return (
          <MessageBar key={key} intent="warning" data-testid="actor-hint" data-kind="none">
            <MessageBarBody>
              <Text>{t(lang, many ? "actorNoneMany" : "actorNoneOne", { count: rows.length, rows: list })}</Text>
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </section>
  );
}
