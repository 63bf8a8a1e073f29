/** Step 1: read the budget block from the selection and show what was recognised. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DataRead } from "../actions";
import type { ModelInputs, Unit } from "../../planner/inputs";
import { Lang, t } from "../strings";
import { SelectField, useFieldStyles } from "./fields";
import { withYearColumns } from "../../planner/budget-years";
import { ActorHints } from "./ActorHints";
import { YearColumns } from "./YearColumns";

const useStyles = makeStyles({
  facts: { margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0 },
  notes: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: "none" },
});

export interface DataStepProps {
  lang: Lang;
  data: DataRead | null;
  /** The last read was refused: say so instead of showing an earlier block's facts. */
  refused?: boolean;
  inputs: ModelInputs;
  busy: boolean;
  onUseSelection: () => void;
  onInputs: (next: ModelInputs) => void;
}

const UNITS: Unit[] = ["kr", "tkr", "mnkr"];

export function DataStep({ lang, data, refused = false, inputs, busy, onUseSelection, onInputs }: DataStepProps): React.JSX.Element {
  const s = useStyles();
  const f = useFieldStyles();
  const block = data?.block ?? null;
  const source = inputs.source;
  const unit = source?.unitOverride ?? source?.detectedUnit ?? block?.unit ?? "";
  const setSource = (patch: Partial<NonNullable<ModelInputs["source"]>>) => source && onInputs({ ...inputs, source: { ...source, ...patch } });
  return (
    <section aria-labelledby="step1-heading" className={f.stack}>
      <h2 id="step1-heading">{t(lang, "step1")}</h2>
      <Text>{t(lang, "step1Help")}</Text>
      <div>
        <Button appearance="primary" data-testid="use-selection" disabled={busy} onClick={onUseSelection}>
          {t(lang, "useSelection")}
        </Button>
      </div>
      {!block && (
        <Text data-testid="data-summary" data-state={refused ? "refused" : "none"}>
          {t(lang, refused ? "noDataRefused" : "noData")}
        </Text>
      )}
      {block && (
        <>
          <dl className={s.facts} data-testid="data-summary">
            <dt className={s.term}>{t(lang, "foundIn", { sheet: block.sheet })}</dt>
            <dd className={s.def} data-testid="data-address">
              {block.address}
            </dd>
            <dt className={s.term}>{t(lang, "years")}</dt>
            <dd className={s.def} data-testid="data-years">
              {withYearColumns(block, source?.yearColumns)
                .block.years.map((y) => y.header || String(y.year))
                .join(", ")}
            </dd>
            <dt className={s.term}>{t(lang, "rowsLabel")}</dt>
            <dd className={s.def} data-testid="data-rows">
              {t(lang, "rowsFound", {
                rows: block.rows.filter((r) => r.kind === "data").length,
                sums: block.rows.filter((r) => r.kind === "sum").length,
              })}
            </dd>
          </dl>
          <div className={f.row}>
            <div className={f.grow}>
              <SelectField<Unit>
                label={t(lang, "unit")}
                testId="unit"
                value={unit as Unit | ""}
                placeholder={unit ? undefined : t(lang, "unitChoose")}
                hint={block.unit ? t(lang, "unitDetected", { unit: block.unit, source: block.unitSource ?? "" }) : t(lang, "unitUnknownHint")}
                options={UNITS.map((u) => ({ value: u, label: u }))}
                required={inputs.rows.some((r) => r.role !== "ignore") ? t(lang, "unitRequired") : undefined}
                onChange={(u) => setSource({ unitOverride: u === block.unit ? null : u })}
              />
            </div>
            <div className={f.grow}>
              <SelectField<"costsPositive" | "costsNegative">
                label={t(lang, "sign")}
                testId="sign"
                value={source?.sign ?? block.suggestedSign}
                options={[
                  { value: "costsPositive", label: t(lang, "signPositive") },
                  { value: "costsNegative", label: t(lang, "signNegative") },
                ]}
                onChange={(sign) => setSource({ sign })}
              />
            </div>
          </div>
          <YearColumns lang={lang} block={block} inputs={inputs} onInputs={onInputs} />
          <ActorHints lang={lang} block={block} inputs={inputs} onInputs={onInputs} />
          {block.notes.length > 0 && (
            <section aria-label={t(lang, "notes")}>
              <h3>{t(lang, "notes")}</h3>
              <ul className={s.notes} data-testid="budget-notes">
                {block.notes.map((n, i) => (
                  <li key={`${n.id}-${i}`}>
                    <MessageBar intent={n.severity === "warning" || n.severity === "error" ? "warning" : "info"}>
                      <MessageBarBody>
                        {n[lang]}
                        {n.cell ? ` (${n.cell})` : ""}
                      </MessageBarBody>
                    </MessageBar>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
