/**
 * Step 3: formula style, Build, and the model's result: NPV net and gross, present values, the ratio, both
 * paybacks, break-even, the mandate, the fund's result, who pays and who gains, and what it all rests on.
 *
 * Before a build the result is the pane's own computation, labelled as a preview. After a build it is what
 * the model sheet's key cells hold (sheetResult.ts): an error in a cell is shown as that error, with the
 * budget cells that are not numbers; a disagreement with the pane's own computation is flagged; a value that
 * could not be read is marked as not confirmed. All amounts are in kronor.
 */
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
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ModelResult } from "../../planner/compute";
import type { FormulaStyle, ModelInputs } from "../../planner/inputs";
import { translator } from "../../planner/model/texts";
import type { Outcome } from "../actions";
import { FieldRegistry } from "../fieldChecks";
import { excelErrorText, formatKr, formatNumber } from "../format";
import type { PaneMessage } from "../model";
import { actorName } from "../model";
import { AnyFigureId, BadCell, BasisItem, FIGURES, FUND_FIGURES, ResultView, SHEET_LABEL, SheetFigures, Shown, actorsDiffer, resultView } from "../sheetResult";
import { Lang, t } from "../strings";
import { FieldRegistryContext, useFieldStyles } from "./fields";
import type { BudgetBlock } from "../../planner/budget";
import { Warnings } from "./Warnings";

const useStyles = makeStyles({
  figures: { margin: 0, display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  term: { margin: 0 },
  value: { margin: 0, textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  flagged: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  basis: { margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  basisTerm: { margin: 0, color: tokens.colorNeutralForeground2 },
  basisValue: { margin: 0 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  table: { tableLayout: "auto" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface BuildStepProps {
  lang: Lang;
  inputs: ModelInputs;
  busy: boolean;
  /** The core's numbers for the current inputs, null when there are no lines yet. */
  result: Outcome<ModelResult> | null;
  /** True when the open model in the workbook was built from these inputs. */
  built: boolean;
  /** The open model's figures as read from its sheet; "unread" when they could not be read; null before a build. */
  sheet: SheetFigures | "unread" | null;
  /** Why the sheet's figures could not be read, when they could not. */
  sheetProblem: PaneMessage | null;
  /** The workbook has changed since the figures were read. */
  stale: boolean;
  modelKey: string | null;
  modelSheet: string | null;
  basis: BasisItem[];
  /** Budget cells of the chosen rows that are not numbers. */
  badCells: BadCell[];
  /** A model is open: Build then makes a new model beside it. */
  modelOpen: boolean;
  onInputs: (next: ModelInputs) => void;
  onBuild: () => void;
  /** Reads the budget and the model's figures again. */
  onRefresh: () => void;
  /** The budget block read, for the plausibility warnings shown before Build (Warnings.tsx). */
  block?: BudgetBlock | null;
}

/** The fields' warnings, kept current from the registry. */
function useFieldWarnings(): ReturnType<FieldRegistry["warnings"]> {
  const registry = React.useContext(FieldRegistryContext);
  const version = React.useSyncExternalStore(
    (cb) => registry?.subscribe(cb) ?? (() => undefined),
    () => registry?.version ?? 0,
  );
  return React.useMemo(() => registry?.warnings() ?? [], [registry, version]);
}

export function BuildStep(p: BuildStepProps): React.JSX.Element {
  const { lang, inputs } = p;
  const f = useFieldStyles();
  const s = useStyles();
  const warnings = useFieldWarnings();
  const previewResult = p.result && p.result.ok ? p.result.value : null;
  const view = React.useMemo(
    () =>
      resultView(previewResult, p.sheet, {
        labels: (id) => actorName(inputs, id, lang),
        dual: inputs.fund.rule === "dual",
      }),
    [previewResult, p.sheet, inputs, lang],
  );
  return (
    <section aria-labelledby="step3-heading" className={f.stack}>
      <h2 id="step3-heading">{t(lang, "step3")}</h2>
      <Field label={t(lang, "formulaStyle")}>
        <RadioGroup value={inputs.formulaStyle} onChange={(_, d) => p.onInputs({ ...inputs, formulaStyle: d.value as FormulaStyle })}>
          <Radio value="portable" label={t(lang, "stylePortable")} data-testid="style-portable" />
          <Radio value="addin" label={t(lang, "styleAddin")} data-testid="style-addin" />
        </RadioGroup>
      </Field>
      {warnings.length > 0 && (
        <MessageBar intent="warning" data-testid="build-warnings">
          <MessageBarBody>
            {t(lang, "checkBeforeBuild")}
            <ul className={s.list}>
              {warnings.map((w) => (
                <li key={w.id}>
                  {w.label}: {w.warning}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Warnings lang={lang} inputs={inputs} block={p.block ?? null} result={p.result} />
      <div>
        <Button appearance="primary" data-testid="build" disabled={p.busy} onClick={p.onBuild}>
          {t(lang, p.modelOpen ? "buildNew" : "build")}
        </Button>
      </div>
      {p.result === null && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, "needLines")}</MessageBarBody>
        </MessageBar>
      )}
      {p.result && !p.result.ok && (
        <MessageBar intent="warning" data-testid="result-problem">
          <MessageBarBody>{p.result.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {view && p.result && <Result {...p} view={view} />}
    </section>
  );
}

/** A figure's value as text. */
function valueText(lang: Lang, id: AnyFigureId | "actor", x: number): string {
  if (id === "bcr") return formatNumber(x, lang, 2);
  if (id === "payback" || id === "discountedPayback") return t(lang, "yearsValue", { value: formatNumber(x, lang, 1) });
  if (id === "breakEven") return formatNumber(x, lang, 1);
  // The actor table's heading states the unit (kr).
  if (id === "actor") return formatNumber(x, lang, 0);
  return formatKr(x, lang);
}

/** What a figure shows, and the attributes tests and screen readers read. */
function shownText(lang: Lang, id: AnyFigureId | "actor", v: Shown): { text: string; attrs: Record<string, string>; tone: "plain" | "flagged" | "error" } {
  switch (v.kind) {
    case "number": {
      const attrs: Record<string, string> = { "data-value": String(v.value), "data-source": v.from };
      if (v.preview !== null) attrs["data-preview"] = String(v.preview);
      if (v.differs) attrs["data-differs"] = "true";
      return { text: valueText(lang, id, v.value) + (v.differs ? " †" : ""), attrs, tone: v.differs ? "flagged" : "plain" };
    }
    case "none": {
      const never = id === "payback" || id === "discountedPayback";
      const attrs: Record<string, string> = { "data-value": "", "data-source": v.from };
      if (v.differs) attrs["data-differs"] = "true";
      return { text: t(lang, never ? "never" : "notComputable") + (v.differs ? " †" : ""), attrs, tone: v.differs ? "flagged" : "plain" };
    }
    case "error":
      return { text: excelErrorText(v.code, lang), attrs: { "data-value": "", "data-source": "sheet", "data-error": v.code }, tone: "error" };
    case "pending":
      return { text: t(lang, "calculating"), attrs: { "data-value": "", "data-source": "sheet", "data-pending": "true" }, tone: "flagged" };
    case "unconfirmed":
      return {
        text: v.value === null ? "—" : `${valueText(lang, id, v.value)} *`,
        attrs: { "data-value": v.value === null ? "" : String(v.value), "data-source": "preview", "data-unconfirmed": "true" },
        tone: "flagged",
      };
  }
}

/** "A, B och 7 till": at most two names, then how many more. */
function shortList(lang: Lang, names: readonly string[]): string {
  if (names.length <= 3) return names.join(", ");
  return t(lang, "andMore", { list: names.slice(0, 2).join(", "), count: names.length - 2 });
}

const TEST_ID: Record<AnyFigureId, string> = {
  npv: "result-npv",
  npvGross: "result-npv-gross",
  pvCosts: "result-pv-costs",
  pvGains: "result-pv-gains",
  bcr: "result-bcr",
  discountedPayback: "result-payback-discounted",
  payback: "result-payback",
  breakEven: "result-breakeven",
  withinMandate: "result-mandate",
  fundPayout: "result-fund-payout",
  fundRepaid: "result-fund-repaid",
  fundUnpaid: "result-fund-unpaid",
  fundFrame: "result-fund-frame",
  fundPv: "result-fund-pv",
};

function Result(p: BuildStepProps & { view: ResultView }) {
  const { lang, view } = p;
  const s = useStyles();
  const tx = translator(lang);
  const label = (id: AnyFigureId) => tx(SHEET_LABEL[id]);
  const state = p.stale ? "stale" : p.built ? "built" : "preview";
  const figure = (id: AnyFigureId, v: Shown) => {
    const shown = shownText(lang, id, v);
    const tone = shown.tone === "error" ? s.error : shown.tone === "flagged" ? s.flagged : "";
    return (
      <React.Fragment key={id}>
        <dt className={s.term}>{label(id)}</dt>
        <dd className={`${s.value} ${tone}`} data-testid={TEST_ID[id]} {...shown.attrs}>
          {shown.text}
        </dd>
      </React.Fragment>
    );
  };
  const errorFigures = view.errors.map((e) => (e.id === "actors" ? t(lang, "actorTableShort") : label(e.id)));
  const codes = [...new Set(view.errors.map((e) => excelErrorText(e.code, lang)))].join(", ");
  const cellsText = p.badCells.map((c) => (c.text ? `${c.ref} ("${c.text}")` : c.ref)).join(", ");
  const differs = [...view.differs.map(label), ...(actorsDiffer(view) ? [t(lang, "actorTableShort")] : [])];
  const actorText = (v: Shown) => shownText(lang, "actor", v);
  return (
    <section aria-labelledby="result-heading" data-testid="result" data-state={state} data-source={view.source}>
      <h3 id="result-heading">{p.built ? t(lang, "resultHeading") : t(lang, "previewHeading")}</h3>
      <Text size={200} data-testid="result-source">
        {p.built ? t(lang, "resultFromSheet", { sheet: p.modelSheet ?? "", key: p.modelKey ?? "" }) : t(lang, "resultFromPane")}
      </Text>
      {p.built && (
        <div>
          <Button size="small" data-testid="result-refresh" disabled={p.busy} onClick={p.onRefresh}>
            {t(lang, "refreshResult")}
          </Button>
        </div>
      )}
      {p.stale && (
        <MessageBar intent="warning" data-testid="result-stale">
          <MessageBarBody>{t(lang, "resultStale")}</MessageBarBody>
        </MessageBar>
      )}
      {view.errors.length > 0 && (
        <MessageBar intent="error" data-testid="result-errors">
          <MessageBarBody>
            {t(lang, "sheetErrors", { codes, figures: shortList(lang, errorFigures) })}{" "}
            {p.badCells.length ? t(lang, p.badCells.length === 1 ? "badCellsOne" : "badCells", { cells: cellsText }) : t(lang, "badCellsUnknown")}
          </MessageBarBody>
        </MessageBar>
      )}
      {differs.length > 0 && (
        <MessageBar intent="warning" data-testid="result-differs">
          <MessageBarBody>{t(lang, "sheetDiffers", { figures: shortList(lang, differs) })}</MessageBarBody>
        </MessageBar>
      )}
      {view.unconfirmed && (
        <MessageBar intent="warning" data-testid="result-unconfirmed">
          <MessageBarBody>
            {t(lang, "sheetUnread")}
            {p.sheetProblem ? ` ${p.sheetProblem[lang]}` : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.pending && (
        <MessageBar intent="info" data-testid="result-pending">
          <MessageBarBody>{t(lang, "sheetCalculating")}</MessageBarBody>
        </MessageBar>
      )}
      <dl className={s.figures}>{FIGURES.map((id) => figure(id, view.figures[id]))}</dl>
      {view.fund && (
        <section aria-labelledby="fund-result-heading" data-testid="fund-result">
          <h4 id="fund-result-heading">{t(lang, "fundResultHeading")}</h4>
          <dl className={s.figures}>{FUND_FIGURES.filter((id) => view.fund![id]).map((id) => figure(id, view.fund![id]!))}</dl>
        </section>
      )}
      <h4 id="actor-table-heading">{t(lang, "actorTableKr")}</h4>
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
            {view.actors.map((a) => {
              const [costs, gains, net] = [a.pvCosts, a.pvGains, a.pvNet].map(actorText);
              const cell = (x: ReturnType<typeof actorText>) => (
                <TableCell className={`${s.num} ${x.tone === "error" ? s.error : x.tone === "flagged" ? s.flagged : ""}`} {...x.attrs}>
                  {x.text}
                </TableCell>
              );
              return (
                <TableRow key={a.id} data-testid={`actor-row-${a.id}`} data-pv-net={net.attrs["data-value"] ?? ""}>
                  <TableCell>{a.label}</TableCell>
                  {cell(costs)}
                  {cell(gains)}
                  {cell(net)}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {p.basis.length > 0 && (
        <section aria-labelledby="basis-heading" data-testid="result-basis">
          <h4 id="basis-heading">{t(lang, "basisHeading")}</h4>
          <dl className={s.basis}>
            {p.basis.map((b) => (
              <React.Fragment key={b.id}>
                <dt className={s.basisTerm}>{b.label}</dt>
                <dd className={s.basisValue} data-testid={`basis-${b.id}`}>
                  {b.value}
                </dd>
              </React.Fragment>
            ))}
          </dl>
        </section>
      )}
      {(differs.length > 0 || view.unconfirmed) && (
        <Text size={200} data-testid="result-legend">
          {[differs.length > 0 ? t(lang, "legendDiffers") : "", view.unconfirmed ? t(lang, "legendUnconfirmed") : ""].filter(Boolean).join(" ")}
        </Text>
      )}
    </section>
  );
}
