/**
 * The column the model reads for each year that has several in the budget (an årsredovisning's "Utfall 2013"
 * beside "Budget 2013"): the reader's default until the user picks another. The pick is stored in the inputs
 * (SourceInputs.yearColumns) and applied by the planner (budget-years.ts withYearColumns) wherever the block is
 * read, so the pane's rows, the preview and the model read the same column. Nothing is added together.
 */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { BudgetBlock, SameYear, YearColumn } from "../../planner/budget";
import type { ModelInputs } from "../../planner/inputs";
import { Lang, StringKey, t } from "../strings";
import { SelectField, useFieldStyles } from "./fields";

const KIND: Record<YearColumn["kind"], StringKey> = {
  bokslut: "yearKindBokslut",
  budget: "yearKindBudget",
  plan: "yearKindPlan",
  prognos: "yearKindPrognos",
  year: "yearKindYear",
};

const DEFAULT_HINT: Record<SameYear["reason"], StringKey> = {
  actuals: "yearColumnDefaultActuals",
  budget: "yearColumnDefaultBudget",
  first: "yearColumnDefaultFirst",
  user: "yearColumnDefaultFirst",
};

export interface YearColumnsProps {
  lang: Lang;
  block: BudgetBlock;
  inputs: ModelInputs;
  onInputs: (next: ModelInputs) => void;
}

export function YearColumns({ lang, block, inputs, onInputs }: YearColumnsProps): React.JSX.Element | null {
  const f = useFieldStyles();
  const same = block.sameYear ?? [];
  const source = inputs.source;
  if (!same.length || !source) return null;
  const name = (c: YearColumn) => `${c.letter}: ${c.header} (${t(lang, KIND[c.kind])})`;
  const picked = (s: SameYear) => source.yearColumns?.find((p) => p.year === s.year && s.columns.some((c) => c.letter === p.column))?.column ?? s.byDefault;
  const pick = (year: number, column: string) =>
    onInputs({ ...inputs, source: { ...source, yearColumns: [...(source.yearColumns ?? []).filter((p) => p.year !== year), { year, column }] } });
  return (
    <section aria-labelledby="year-columns-heading" className={f.stack} data-testid="year-columns">
      <h3 id="year-columns-heading">{t(lang, "yearColumns")}</h3>
      <Text>{t(lang, "yearColumnsHelp")}</Text>
      {same.map((s) => {
        const value = picked(s);
        const byDefault = s.columns.find((c) => c.letter === s.byDefault)!;
        const hint =
          value === s.byDefault ? t(lang, DEFAULT_HINT[s.reason], { column: name(byDefault) }) : t(lang, "yearColumnPicked", { column: name(byDefault) });
        return (
          <SelectField<string>
            key={s.year}
            label={t(lang, "yearColumnFor", { year: s.year })}
            testId={`year-column-${s.year}`}
            value={value}
            hint={hint}
            options={s.columns.map((c) => ({ value: c.letter, label: name(c) }))}
            onChange={(column) => pick(s.year, column)}
          />
        );
      })}
    </section>
  );
}
