/**
 * The plausibility warnings for the current inputs (planner/plausibility.ts), shown before Build: a heading
 * with their number and one warning each. They never stop the build; the model sheet keeps the same warnings
 * under its title. Nothing is shown when there are none.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { BudgetBlock } from "../../planner/budget";
import type { ModelResult } from "../../planner/compute";
import type { ModelInputs } from "../../planner/inputs";
import { PlausibilityWarning, plausibilityWarnings } from "../../planner/plausibility";
import type { Outcome } from "../actions";
import { Lang, t } from "../strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface WarningsProps {
  lang: Lang;
  inputs: ModelInputs;
  block: BudgetBlock | null;
  /** The evaluated model for these inputs (the pane's preview), null when there are no lines yet. */
  result: Outcome<ModelResult> | null;
}

/** The warnings for inputs, block and preview; the checks that need numbers are left out while the model cannot be evaluated. */
export function useWarnings(inputs: ModelInputs, block: BudgetBlock | null, result: Outcome<ModelResult> | null): PlausibilityWarning[] {
  return React.useMemo(() => {
    if (!inputs.rows.some((r) => r.role !== "ignore") && inputs.extraLines.length === 0) return [];
    return plausibilityWarnings(inputs, block, result && result.ok ? result.value : null);
  }, [inputs, block, result]);
}

export function Warnings({ lang, inputs, block, result }: WarningsProps): React.JSX.Element | null {
  const s = useStyles();
  const warnings = useWarnings(inputs, block, result);
  if (warnings.length === 0) return null;
  const heading = warnings.length === 1 ? t(lang, "warningsOne") : t(lang, "warningsMany", { count: warnings.length });
  return (
    <section aria-labelledby="warnings-heading" className={s.section} data-testid="warnings" data-count={warnings.length}>
      <h3 id="warnings-heading" className={s.heading}>
        {heading}
      </h3>
      <Text size={200} block>
        {t(lang, "warningsHelp")}
      </Text>
      <ul className={s.list}>
        {warnings.map((w, k) => (
          <li key={`${w.kind}-${k}`}>
            <MessageBar intent="warning" layout="multiline" data-testid={`warning-${w.kind}`} data-rows={(w.rows ?? []).join(",")}>
              <MessageBarBody>{w[lang]}</MessageBarBody>
            </MessageBar>
          </li>
        ))}
      </ul>
    </section>
  );
}
