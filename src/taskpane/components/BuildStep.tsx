/** Step 3: formula style, Build, and the model's result (NPV, ratio, payback, break-even, who pays/gains). */
import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ModelResult } from "../../planner/compute";
import type { FormulaStyle, ModelInputs } from "../../planner/inputs";
import type { Outcome } from "../actions";
import { formatKr, formatNumber } from "../format";
import { Lang, t } from "../strings";
import { useFieldStyles } from "./fields";

const useStyles = makeStyles({
  figures: { margin: 0, display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  term: { margin: 0 },
  value: { margin: 0, textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  table: { tableLayout: "auto" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
});

export interface BuildStepProps {
  lang: Lang;
  inputs: ModelInputs;
  busy: boolean;
  /** The core's numbers for the current inputs, null when there are no lines yet. */
  result: Outcome<ModelResult> | null;
  /** True when the model in the workbook was built from exactly these inputs. */
  built: boolean;
  /** A model is open: Build then makes a new model beside it. */
  modelOpen: boolean;
  onInputs: (next: ModelInputs) => void;
  onBuild: () => void;
}

export function BuildStep({ lang, inputs, busy, result, built, modelOpen, onInputs, onBuild }: BuildStepProps): React.JSX.Element {
  const f = useFieldStyles();
  return (
    <section aria-labelledby="step3-heading" className={f.stack}>
      <h2 id="step3-heading">{t(lang, "step3")}</h2>
      <Field label={t(lang, "formulaStyle")}>
        <RadioGroup value={inputs.formulaStyle} onChange={(_, d) => onInputs({ ...inputs, formulaStyle: d.value as FormulaStyle })}>
          <Radio value="portable" label={t(lang, "stylePortable")} data-testid="style-portable" />
          <Radio value="addin" label={t(lang, "styleAddin")} data-testid="style-addin" />
        </RadioGroup>
      </Field>
      <div>
        <Button appearance="primary" data-testid="build" disabled={busy} onClick={onBuild}>
          {t(lang, modelOpen ? "buildNew" : "build")}
        </Button>
      </div>
      {result === null && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, "needLines")}</MessageBarBody>
        </MessageBar>
      )}
      {result && !result.ok && (
        <MessageBar intent="warning" data-testid="result-problem">
          <MessageBarBody>{result.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {result && result.ok && <Result lang={lang} r={result.value} built={built} />}
    </section>
  );
}

function Result({ lang, r, built }: { lang: Lang; r: ModelResult; built: boolean }) {
  const s = useStyles();
  const years = (x: number | null) => (x === null ? t(lang, "never") : t(lang, "yearsValue", { value: formatNumber(x, lang, 1) }));
  const figure = (id: string, label: string, shown: string, value: number | null) => (
    <React.Fragment key={id}>
      <dt className={s.term}>{label}</dt>
      <dd className={s.value} data-testid={id} data-value={value === null ? "" : String(value)}>
        {shown}
      </dd>
    </React.Fragment>
  );
  return (
    <section aria-labelledby="result-heading" data-testid="result" data-state={built ? "built" : "preview"}>
      <h3 id="result-heading">{t(lang, built ? "resultHeading" : "previewHeading")}</h3>
      <dl className={s.figures}>
        {figure("result-npv", t(lang, "npv"), formatKr(r.npv, lang), r.npv)}
        {figure("result-npv-gross", t(lang, "npvGross"), formatKr(r.npvGross, lang), r.npvGross)}
        {figure(
          "result-bcr",
          t(lang, "bcr"),
          r.benefitCostRatio === null ? t(lang, "notComputable") : formatNumber(r.benefitCostRatio, lang, 2),
          r.benefitCostRatio,
        )}
        {figure("result-payback", t(lang, "payback"), years(r.payback), r.payback)}
        {figure("result-breakeven", t(lang, "breakEven"), r.breakEven === null ? t(lang, "notComputable") : formatNumber(r.breakEven, lang, 1), r.breakEven)}
        {figure("result-mandate", t(lang, "withinMandate"), formatKr(r.netWithinMandate, lang), r.netWithinMandate)}
      </dl>
      <h4 id="actor-table-heading">{t(lang, "actorTable")}</h4>
      <div className={s.scroll}>
        <Table size="extra-small" className={s.table} aria-labelledby="actor-table-heading" data-testid="actor-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(lang, "colActor")}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{t(lang, "colCosts")}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{t(lang, "colGains")}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{t(lang, "colNet")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.actors.map((a) => (
              <TableRow key={a.id} data-testid={`actor-row-${a.id}`} data-pv-net={String(a.pvNet)}>
                <TableCell>{a.label}</TableCell>
                <TableCell className={s.num} data-value={String(a.pvCosts)}>
                  {formatNumber(a.pvCosts / 1000, lang, 0)}
                </TableCell>
                <TableCell className={s.num} data-value={String(a.pvGains)}>
                  {formatNumber(a.pvGains / 1000, lang, 0)}
                </TableCell>
                <TableCell className={s.num} data-value={String(a.pvNet)}>
                  {formatNumber(a.pvNet / 1000, lang, 0)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
