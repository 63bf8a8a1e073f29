/**
 * Step 2: describe the investment. Templates, the role and actor of each budget row, actors, lines of the
 * user's own, participants and effect, time and discounting, adjustments, the fund rule.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { BudgetBlock, BudgetRow } from "../../planner/budget";
import {
  AfterBudget,
  DiscountInputs,
  ExtraLine,
  FundInputs,
  FundRule,
  ModelInputs,
  RowRole,
  TEMPLATES,
  TemplateId,
  actorLabel,
  DEFAULT_RATE,
} from "../../planner/inputs";
import { isKommun } from "../../core/actors";
import type { Timing } from "../../core/discounting";
import { RATE_BOUNDS } from "../../core/bounds";
import {
  RowAmounts,
  addActor,
  amountsParts,
  assignableRows,
  effectivePriceYear,
  rowAmounts,
  setRowRole,
  startFromTemplate,
  startYearHint,
  updateRow,
  withPriceIndex,
} from "../model";
import { formatNumber, formatPercent, parseYearValues, yearValuesText } from "../format";
import { Lang, bi, t } from "../strings";
import { NumberField, NumberListField, SelectField, TextField, useFieldRegistration, useFieldStyles } from "./fields";

const useStyles = makeStyles({
  templates: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  rowLabel: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  badge: { marginLeft: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  missing: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  amounts: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  nowrap: { whiteSpace: "nowrap" },
});

export interface InvestmentStepProps {
  lang: Lang;
  inputs: ModelInputs;
  block: BudgetBlock | null;
  onInputs: (next: ModelInputs) => void;
  onStatus: (m: { sv: string; en: string }, severity?: "info" | "error" | "success") => void;
}

/** One collapsible part of step 2; all start open so nothing is hidden from a first-time user. */
function Section(props: { value: string; heading: string; children: React.ReactNode }) {
  return (
    <AccordionItem value={props.value}>
      <AccordionHeader as="h3">{props.heading}</AccordionHeader>
      <AccordionPanel>{props.children}</AccordionPanel>
    </AccordionItem>
  );
}

export function InvestmentStep({ lang, inputs, block, onInputs, onStatus }: InvestmentStepProps): React.JSX.Element {
  const f = useFieldStyles();
  const set = (patch: Partial<ModelInputs>) => onInputs({ ...inputs, ...patch });
  const template = TEMPLATES.find((x) => x.id === inputs.template);
  return (
    <section aria-labelledby="step2-heading" className={f.stack}>
      <h2 id="step2-heading">{t(lang, "step2")}</h2>
      <Templates
        lang={lang}
        current={inputs.template}
        onPick={(id) => {
          onInputs(startFromTemplate(id, inputs));
          const def = TEMPLATES.find((x) => x.id === id)!;
          onStatus({ sv: bi("templateApplied", { name: def.label.sv }).sv, en: bi("templateApplied", { name: def.label.en }).en }, "info");
        }}
      />
      {template && <Text data-testid="template-description">{template.description[lang]}</Text>}
      <TextField label={t(lang, "modelTitle")} testId="model-title" value={inputs.title} onChange={(title) => set({ title })} />
      <Rows lang={lang} inputs={inputs} block={block} onInputs={onInputs} />
      <Accordion multiple collapsible defaultOpenItems={["actors", "extra", "effect", "time", "adjust", "fund"]}>
        <Section value="actors" heading={t(lang, "actorsHeading")}>
          <Actors lang={lang} inputs={inputs} onInputs={onInputs} onStatus={onStatus} />
        </Section>
        <Section value="extra" heading={t(lang, "extraHeading")}>
          <ExtraLines lang={lang} inputs={inputs} onInputs={onInputs} />
        </Section>
        <Section value="effect" heading={t(lang, "effectHeading")}>
          <Effect lang={lang} inputs={inputs} set={set} />
        </Section>
        <Section value="time" heading={t(lang, "timeHeading")}>
          <Time lang={lang} inputs={inputs} block={block} set={set} />
          <PriceIndexFields lang={lang} inputs={inputs} block={block} onInputs={onInputs} />
        </Section>
        <Section value="adjust" heading={t(lang, "adjustHeading")}>
          <Adjust lang={lang} inputs={inputs} set={set} />
        </Section>
        <Section value="fund" heading={t(lang, "fundHeading")}>
          <Fund lang={lang} inputs={inputs} set={set} firstYear={inputs.startYear ?? block?.years[0]?.year ?? new Date().getFullYear()} />
        </Section>
      </Accordion>
    </section>
  );
}

function Templates({ lang, current, onPick }: { lang: Lang; current: TemplateId; onPick: (id: TemplateId) => void }) {
  const s = useStyles();
  return (
    <div role="group" aria-labelledby="templates-label">
      <Text id="templates-label" weight="semibold" block>
        {t(lang, "template")}
      </Text>
      <Text size={200} block>
        {t(lang, "templateHelp")}
      </Text>
      <div className={s.templates}>
        {TEMPLATES.map((x) => (
          <ToggleButton key={x.id} size="small" checked={x.id === current} data-testid={`template-${x.id}`} onClick={() => onPick(x.id)}>
            {x.label[lang]}
          </ToggleButton>
        ))}
      </div>
    </div>
  );
}

function roleOptions(lang: Lang): Array<{ value: RowRole; label: string }> {
  return [
    { value: "ignore", label: t(lang, "roleIgnore") },
    { value: "cost", label: t(lang, "roleCost") },
    { value: "gain", label: t(lang, "roleGain") },
  ];
}

function afterOptions(lang: Lang): Array<{ value: AfterBudget; label: string }> {
  return [
    { value: "zero", label: t(lang, "afterZero") },
    { value: "repeatLast", label: t(lang, "afterRepeat") },
  ];
}

/**
 * One entry per assignable row of the block (data rows, then sum rows only when asked for). The index in
 * the test ids ("role-3") is the row's position among the block's assignable rows, top to bottom, sum rows
 * included, so it does not change when sum rows are shown or hidden.
 */
function Rows({ lang, inputs, block, onInputs }: { lang: Lang; inputs: ModelInputs; block: BudgetBlock | null; onInputs: (n: ModelInputs) => void }) {
  const s = useStyles();
  const f = useFieldStyles();
  const [showSums, setShowSums] = React.useState(false);
  const rows: Array<{ index: number; row: BudgetRow | null; sheetRow: number; label: string }> = block
    ? assignableRows(block).map((row, index) => ({ index, row, sheetRow: row.sheetRow, label: row.label }))
    : inputs.rows.map((r, index) => ({ index, row: null, sheetRow: r.sheetRow, label: r.label }));
  if (!rows.length) return null;
  const choice = (sheetRow: number) => inputs.rows.find((r) => r.sheetRow === sheetRow);
  const visible = rows.filter((r) => showSums || r.row?.kind !== "sum" || (choice(r.sheetRow)?.role ?? "ignore") !== "ignore");
  const actors = inputs.actors.map((a) => ({ value: a.id, label: actorLabel(a, lang) }));
  return (
    <section aria-labelledby="rows-heading" className={f.stack}>
      <h3 id="rows-heading">{t(lang, "rowsHeading")}</h3>
      {block && block.rows.some((r) => r.kind === "sum") && (
        <Checkbox data-testid="show-sum-rows" checked={showSums} label={t(lang, "showSumRows")} onChange={(_, d) => setShowSums(!!d.checked)} />
      )}
      <ul className={s.list} data-testid="row-table">
        {visible.map(({ index, row, sheetRow, label }) => {
          const c = choice(sheetRow);
          const role = c?.role ?? "ignore";
          const labelId = `row-label-${index}`;
          return (
            <li key={sheetRow} className={s.item} data-testid={`row-${index}`} data-sheet-row={sheetRow} data-role={role}>
              <div id={labelId}>
                <span className={s.rowLabel}>{label}</span>
                {row?.kind === "sum" && <span className={s.badge}>({t(lang, "sumRow")})</span>}
                {row && (
                  <div className={s.muted}>
                    {(block?.years ?? []).map((y, k) => `${y.year}: ${formatNumber(row.cells[k]?.value ?? 0, lang, 1)}`).join(" · ")}
                  </div>
                )}
              </div>
              <div className={f.row}>
                <div className={f.grow}>
                  <Field label={t(lang, "role")}>
                    <Select
                      className={f.fill}
                      value={role}
                      data-testid={`role-${index}`}
                      aria-describedby={labelId}
                      disabled={!c}
                      onChange={(_, d) => onInputs(setRowRole(inputs, sheetRow, d.value as RowRole))}
                    >
                      {roleOptions(lang).map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
                <div className={f.grow}>
                  <Field label={t(lang, "actor")}>
                    <Select
                      className={f.fill}
                      value={c?.actor ?? ""}
                      data-testid={`actor-${index}`}
                      aria-describedby={labelId}
                      disabled={!c}
                      onChange={(_, d) => onInputs(updateRow(inputs, sheetRow, { actor: d.value }))}
                    >
                      {c?.actor === "" && <option value="">{t(lang, "actorNone")}</option>}
                      {actors.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
              </div>
              {c && role !== "ignore" && (
                <div className={f.row}>
                  <div className={f.grow}>
                    <ShareField
                      lang={lang}
                      index={index}
                      label={label}
                      role={role}
                      share={c.share}
                      onCommit={(share) => onInputs(updateRow(inputs, sheetRow, { share }))}
                    />
                  </div>
                  <div className={f.grow}>
                    <SelectField<AfterBudget>
                      label={t(lang, "afterBudget")}
                      testId={`after-${index}`}
                      value={c.after}
                      options={afterOptions(lang)}
                      onChange={(after) => onInputs(updateRow(inputs, sheetRow, { after }))}
                    />
                  </div>
                </div>
              )}
              {c && role !== "ignore" && c.share !== null && (
                <RowAmountText lang={lang} index={index} role={role} amounts={rowAmounts(inputs, block, sheetRow)} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The share of a chosen row. A gain row has none until the user types it (inputs.ts withRole): the field is
 * empty, says so under it, and is registered as incomplete so Build is refused naming the row. Emptying the
 * field takes the share away again.
 */
function ShareField(p: { lang: Lang; index: number; label: string; role: RowRole; share: number | null; onCommit: (share: number | null) => void }) {
  const s = useStyles();
  const wrap = React.useRef<HTMLDivElement | null>(null);
  const target = React.useMemo(
    () => ({
      get current(): HTMLElement | null {
        return wrap.current?.querySelector("input") ?? null;
      },
    }),
    [],
  );
  const missing = p.share === null ? t(p.lang, p.role === "gain" ? "shareMissingGain" : "shareMissingCost") : null;
  useFieldRegistration(t(p.lang, "shareOfRow", { label: p.label }), "", missing, null, target);
  return (
    <div ref={wrap}>
      <NumberField
        label={t(p.lang, "share")}
        lang={p.lang}
        percent
        allowEmpty
        min={0}
        max={100}
        value={p.share}
        testId={`share-${p.index}`}
        onCommit={p.onCommit}
      />
      {missing && (
        <Text block className={s.missing} data-testid={`share-${p.index}-missing`}>
          {missing}
        </Text>
      )}
    </div>
  );
}

/** What a chosen row adds to the model in kr per year (model.ts rowAmounts), under its share. */
function RowAmountText({ lang, index, role, amounts }: { lang: Lang; index: number; role: RowRole; amounts: RowAmounts | null }) {
  const s = useStyles();
  if (!amounts) return null;
  if (!amounts.ok)
    return (
      <Text block className={s.amounts} data-testid={`share-${index}-amount`} data-state="unknown">
        {t(lang, "rowAmountUnknown", { reason: amounts.error[lang] })}
      </Text>
    );
  const parts = amountsParts(amounts.years, amounts.amounts, lang);
  return (
    <Text block className={s.amounts} data-testid={`share-${index}-amount`} data-state="ok" data-amounts={JSON.stringify(amounts.amounts)}>
      {t(lang, role === "gain" ? "rowAmountGain" : "rowAmountCost", { amounts: "" })}
      {parts.map((x, k) => (
        <React.Fragment key={k}>
          {k > 0 && " · "}
          <span className={s.nowrap}>{x}</span>
        </React.Fragment>
      ))}
    </Text>
  );
}

function Actors({
  lang,
  inputs,
  onInputs,
  onStatus,
}: {
  lang: Lang;
  inputs: ModelInputs;
  onInputs: (n: ModelInputs) => void;
  onStatus: InvestmentStepProps["onStatus"];
}) {
  const f = useFieldStyles();
  const [name, setName] = React.useState("");
  const add = () => {
    const r = addActor(inputs, name);
    if (!r.ok) {
      onStatus(r.reason === "empty" ? bi("actorEmpty") : bi("actorDuplicate", { name: name.trim() }), "error");
      return;
    }
    onInputs(r.inputs);
    setName("");
    onStatus(bi("actorAdded", { name: r.actor.label.sv }), "success");
  };
  return (
    <div className={f.stack}>
      <ul data-testid="actor-list">
        {inputs.actors.map((a) => (
          <li key={a.id} data-actor-id={a.id}>
            {actorLabel(a, lang)}
          </li>
        ))}
      </ul>
      <div className={f.row}>
        <div className={f.grow}>
          <Field label={t(lang, "newActor")}>
            <Input
              className={f.fill}
              value={name}
              data-testid="new-actor-name"
              onChange={(_, d) => setName(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </Field>
        </div>
        <Button data-testid="add-actor" onClick={add}>
          {t(lang, "addActor")}
        </Button>
      </div>
    </div>
  );
}

function ExtraLines({ lang, inputs, onInputs }: { lang: Lang; inputs: ModelInputs; onInputs: (n: ModelInputs) => void }) {
  const s = useStyles();
  const f = useFieldStyles();
  const setLine = (j: number, patch: Partial<ExtraLine>) =>
    onInputs({ ...inputs, extraLines: inputs.extraLines.map((l, k) => (k === j ? { ...l, ...patch } : l)) });
  const addLine = (role: "cost" | "gain") =>
    onInputs({
      ...inputs,
      extraLines: [
        ...inputs.extraLines,
        {
          label: t(lang, role === "cost" ? "extraDefaultCost" : "extraDefaultGain"),
          role,
          actor: (inputs.actors.find(isKommun) ?? inputs.actors[0])?.id ?? "",
          amounts: [],
          // Nothing after the typed years unless the user chooses to repeat the last one.
          after: "zero",
        },
      ],
    });
  const actors = inputs.actors.map((a) => ({ value: a.id, label: actorLabel(a, lang) }));
  return (
    <div className={f.stack}>
      <Text size={200}>{t(lang, "extraHelp")}</Text>
      <ul className={s.list} data-testid="extra-lines">
        {inputs.extraLines.map((l, j) => (
          <li key={j} className={s.item} data-testid={`extra-${j}`}>
            <TextField label={t(lang, "extraLabel")} testId={`extra-${j}-label`} value={l.label} onChange={(label) => setLine(j, { label })} />
            <div className={f.row}>
              <div className={f.grow}>
                <SelectField<"cost" | "gain">
                  label={t(lang, "role")}
                  testId={`extra-${j}-role`}
                  value={l.role}
                  options={roleOptions(lang).filter((o): o is { value: "cost" | "gain"; label: string } => o.value !== "ignore")}
                  onChange={(role) => setLine(j, { role })}
                />
              </div>
              <div className={f.grow}>
                <SelectField
                  label={t(lang, "actor")}
                  testId={`extra-${j}-actor`}
                  value={l.actor}
                  options={actors}
                  onChange={(actor) => setLine(j, { actor })}
                />
              </div>
            </div>
            <NumberListField
              label={t(lang, "extraAmounts")}
              lang={lang}
              testId={`extra-${j}-amounts`}
              value={l.amounts}
              onCommit={(amounts) => setLine(j, { amounts })}
            />
            <div className={f.row}>
              <div className={f.grow}>
                <SelectField<AfterBudget>
                  label={t(lang, "afterBudget")}
                  testId={`extra-${j}-after`}
                  value={l.after}
                  options={afterOptions(lang)}
                  onChange={(after) => setLine(j, { after })}
                />
              </div>
              <Button data-testid={`extra-${j}-remove`} onClick={() => onInputs({ ...inputs, extraLines: inputs.extraLines.filter((_, k) => k !== j) })}>
                {t(lang, "removeLine")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <div className={f.row}>
        <Button data-testid="add-extra-cost" onClick={() => addLine("cost")}>
          {t(lang, "addExtraCost")}
        </Button>
        <Button data-testid="add-extra-gain" onClick={() => addLine("gain")}>
          {t(lang, "addExtraGain")}
        </Button>
      </div>
    </div>
  );
}

type Setter = (patch: Partial<ModelInputs>) => void;

function Effect({ lang, inputs, set }: { lang: Lang; inputs: ModelInputs; set: Setter }) {
  const f = useFieldStyles();
  const perSuccess = inputs.gainBasis === "perSuccess";
  return (
    <div className={f.stack}>
      <SelectField<ModelInputs["gainBasis"]>
        label={t(lang, "gainBasis")}
        testId="gain-basis"
        value={inputs.gainBasis}
        options={[
          { value: "total", label: t(lang, "gainTotal") },
          { value: "perSuccess", label: t(lang, "gainPerSuccess") },
        ]}
        onChange={(gainBasis) => set({ gainBasis })}
      />
      <div className={f.row}>
        <div className={f.grow}>
          <NumberField
            label={t(lang, "participants")}
            lang={lang}
            min={0}
            value={inputs.participants}
            testId="participants"
            onCommit={(v) => v !== null && set({ participants: v })}
          />
        </div>
        <div className={f.grow}>
          <NumberField
            label={t(lang, "successProbability")}
            lang={lang}
            percent
            min={0}
            max={100}
            value={inputs.successProbability}
            testId="success-probability"
            onCommit={(v) => v !== null && set({ successProbability: v })}
          />
        </div>
        <div className={f.grow}>
          <NumberField
            label={t(lang, "effectLag")}
            lang={lang}
            integer
            min={0}
            value={inputs.effectLag}
            testId="effect-lag"
            onCommit={(v) => v !== null && set({ effectLag: v })}
          />
        </div>
      </div>
      {(perSuccess || inputs.template === "individual") && (
        <div className={f.row}>
          <div className={f.grow}>
            <NumberField
              label={t(lang, "startAge")}
              lang={lang}
              integer
              min={0}
              value={inputs.individual.startAge}
              testId="start-age"
              onCommit={(v) => v !== null && set({ individual: { ...inputs.individual, startAge: v } })}
            />
          </div>
          <div className={f.grow}>
            <NumberField
              label={t(lang, "endAge")}
              lang={lang}
              integer
              min={1}
              value={inputs.individual.endAge}
              testId="end-age"
              onCommit={(v) => v !== null && set({ individual: { ...inputs.individual, endAge: v } })}
            />
          </div>
        </div>
      )}
    </div>
  );
}

/** Why the start year is what it is, under the field (model.ts startYearHint). */
function startYearHintText(lang: Lang, inputs: ModelInputs, block: BudgetBlock | null): string | undefined {
  if (!block) return undefined;
  const h = startYearHint(inputs, block);
  const actuals = h.lastActuals ?? "";
  if (h.state === "empty") {
    const first = block.years.find((y) => y.year === h.year);
    return t(lang, first?.kind === "bokslut" ? "startYearEmptyActuals" : "startYearEmpty", { year: h.year ?? "" });
  }
  if (h.state === "actuals") {
    const suggest = h.reason === "afterActuals" ? h.suggested : null;
    return t(lang, suggest !== null ? "startYearActualsSuggest" : "startYearActuals", { year: h.year ?? "", suggest: suggest ?? "" });
  }
  if (h.state === "default") {
    if (h.reason === "afterActuals") return t(lang, "startYearAfterActuals", { actuals });
    if (h.reason === "onlyActuals") return t(lang, "startYearOnlyActuals");
    return t(lang, "startYearFirst");
  }
  return undefined;
}

function Time({ lang, inputs, block, set }: { lang: Lang; inputs: ModelInputs; block: BudgetBlock | null; set: Setter }) {
  const f = useFieldStyles();
  const d = inputs.discount;
  const setKind = (kind: DiscountInputs["kind"]) => {
    if (kind === d.kind) return;
    const rate = d.kind === "constant" ? d.rate : DEFAULT_RATE;
    if (kind === "constant") set({ discount: { kind, rate } });
    else if (kind === "perPeriod") set({ discount: { kind, rates: new Array(inputs.horizon).fill(rate) } });
    else set({ discount: { kind, schedule: "standard" } });
  };
  return (
    <div className={f.stack}>
      <div className={f.row}>
        <div className={f.grow}>
          <NumberField
            label={t(lang, "startYear")}
            lang={lang}
            integer
            allowEmpty
            value={inputs.startYear}
            hint={startYearHintText(lang, inputs, block)}
            testId="start-year"
            onCommit={(startYear) => set({ startYear })}
          />
        </div>
        <div className={f.grow}>
          <NumberField
            label={t(lang, "horizon")}
            lang={lang}
            integer
            min={1}
            max={100}
            value={inputs.horizon}
            testId="horizon"
            onCommit={(v) => v !== null && set({ horizon: v })}
          />
        </div>
        <div className={f.grow}>
          <NumberField
            label={t(lang, "mandateYears")}
            lang={lang}
            integer
            min={1}
            value={inputs.mandateYears}
            testId="mandate-years"
            onCommit={(v) => v !== null && set({ mandateYears: v })}
          />
        </div>
      </div>
      <SelectField<DiscountInputs["kind"]>
        label={t(lang, "discountKind")}
        testId="discount-kind"
        value={d.kind}
        options={[
          { value: "constant", label: t(lang, "discountConstant") },
          { value: "perPeriod", label: t(lang, "discountPerPeriod") },
          { value: "schedule", label: t(lang, "discountSchedule") },
        ]}
        onChange={setKind}
      />
      {d.kind === "constant" && (
        <NumberField
          label={t(lang, "rate")}
          lang={lang}
          percent
          bounds={RATE_BOUNDS}
          value={d.rate}
          hint={t(lang, "defaultValue", { value: formatPercent(DEFAULT_RATE, lang) })}
          testId="rate"
          onCommit={(v) => v !== null && set({ discount: { kind: "constant", rate: v } })}
        />
      )}
      {d.kind === "perPeriod" && (
        <NumberListField
          label={t(lang, "rates")}
          lang={lang}
          percent
          bounds={RATE_BOUNDS}
          value={d.rates}
          testId="rates"
          onCommit={(rates) => set({ discount: { kind: "perPeriod", rates } })}
        />
      )}
      {d.kind === "schedule" && (
        <SelectField<"standard" | "health">
          label={t(lang, "schedule")}
          testId="schedule"
          value={d.schedule}
          options={[
            { value: "standard", label: t(lang, "scheduleStandard") },
            { value: "health", label: t(lang, "scheduleHealth") },
          ]}
          onChange={(schedule) => set({ discount: { kind: "schedule", schedule } })}
        />
      )}
      <div className={f.row}>
        <div className={f.grow}>
          <SelectField<"0" | "1" | "0.5">
            label={t(lang, "timing")}
            testId="timing"
            value={String(inputs.timing) as "0" | "1" | "0.5"}
            options={[
              { value: "0", label: t(lang, "timingEnd") },
              { value: "1", label: t(lang, "timingStart") },
              { value: "0.5", label: t(lang, "timingMid") },
            ]}
            onChange={(v) => set({ timing: Number(v) as Timing })}
          />
        </div>
        <div className={f.grow}>
          <NumberField
            label={t(lang, "priceYear")}
            lang={lang}
            integer
            allowEmpty
            value={inputs.priceYear}
            testId="price-year"
            onCommit={(priceYear) => set({ priceYear })}
          />
        </div>
      </div>
    </div>
  );
}

/**
 * The price index: its name and "year: value" pairs. Empty = no conversion (the default, said in words under
 * the field). The text is kept as typed; a value it cannot read is explained and not committed.
 */
function PriceIndexFields({
  lang,
  inputs,
  block,
  onInputs,
}: {
  lang: Lang;
  inputs: ModelInputs;
  block: BudgetBlock | null;
  onInputs: (n: ModelInputs) => void;
}) {
  const f = useFieldStyles();
  const s = useStyles();
  const pi = inputs.priceIndex ?? null;
  const [name, setName] = React.useState(() => pi?.name ?? "KPI");
  const [text, setText] = React.useState(() => yearValuesText(pi?.values ?? [], lang));
  const [error, setError] = React.useState<string | null>(null);
  // An index set from outside (an opened model, the language) replaces what is shown, unless the text says it already.
  React.useEffect(() => {
    const parsed = parseYearValues(text, lang);
    const now = pi?.values ?? [];
    const same =
      parsed.ok && parsed.values.length === now.length && parsed.values.every((x, i) => x.year === now[i].year && Math.abs(x.value - now[i].value) < 1e-12);
    if (!same) {
      setText(yearValuesText(now, lang));
      setError(null);
    }
    if (pi && pi.name !== name.trim()) setName(pi.name);
  }, [pi, lang]);
  const commit = (nextName: string, nextText: string) => {
    const parsed = parseYearValues(nextText, lang);
    if (!parsed.ok) return setError(t(lang, "invalidIndex", { item: parsed.item }));
    setError(null);
    onInputs(withPriceIndex(inputs, nextName, parsed.values));
  };
  const year = effectivePriceYear(inputs, block);
  const missing = pi && year !== null && !pi.values.some((x) => x.year === year) ? t(lang, "priceIndexNoPriceYear", { year }) : null;
  const shownName = pi?.name.trim() || (lang === "sv" ? "prisindex" : "price index");
  const indexInput = React.useRef<HTMLInputElement | null>(null);
  useFieldRegistration(t(lang, "priceIndex"), text, error ?? missing, null, indexInput);
  return (
    <div className={f.stack}>
      <div className={f.row}>
        <div className={f.grow}>
          <Field label={t(lang, "priceIndexName")} hint={t(lang, "priceIndexNameHint")}>
            <Input
              className={f.fill}
              value={name}
              data-testid="price-index-name"
              onChange={(_, d) => {
                setName(d.value);
                if (pi) commit(d.value, text);
              }}
            />
          </Field>
        </div>
      </div>
      <Field
        label={t(lang, "priceIndex")}
        hint={t(lang, "priceIndexHelp")}
        validationMessage={error ?? missing ?? undefined}
        validationState={error || missing ? "error" : "none"}
      >
        <Input
          ref={indexInput}
          className={f.fill}
          value={text}
          placeholder={t(lang, "priceIndexPlaceholder")}
          data-testid="price-index"
          onChange={(_, d) => {
            setText(d.value);
            commit(name, d.value);
          }}
        />
      </Field>
      <Text size={200} className={s.muted} data-testid="price-index-status" data-conversion={pi ? "on" : "none"}>
        {pi ? t(lang, "priceIndexOn", { year: year ?? "…", name: shownName }) : t(lang, "priceIndexNone")}
      </Text>
    </div>
  );
}

const ADJUSTMENTS = ["deadweight", "attribution", "displacement", "dropOff", "optimismCosts", "optimismGains"] as const;

function Adjust({ lang, inputs, set }: { lang: Lang; inputs: ModelInputs; set: Setter }) {
  const f = useFieldStyles();
  return (
    <div className={f.stack}>
      <Text size={200}>{t(lang, "adjustHelp")}</Text>
      <div className={f.row}>
        {ADJUSTMENTS.map((k) => (
          <div key={k} className={f.grow}>
            <NumberField
              label={t(lang, k)}
              lang={lang}
              percent
              min={0}
              max={100}
              value={inputs.adjustments[k]}
              hint={t(lang, "defaultValue", { value: formatPercent(0, lang, 0) })}
              testId={`adj-${k}`}
              onCommit={(v) => v !== null && set({ adjustments: { ...inputs.adjustments, [k]: v } })}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

function Fund({ lang, inputs, set, firstYear }: { lang: Lang; inputs: ModelInputs; set: Setter; firstYear: number }) {
  const f = useFieldStyles();
  const s = useStyles();
  const fund = inputs.fund;
  const setFund = (patch: Partial<FundInputs>) => set({ fund: { ...fund, ...patch } });
  const actors = inputs.actors.map((a) => ({ value: a.id, label: actorLabel(a, lang) }));
  const savings = fund.rule === "savings" || (fund.rule === "dual" && fund.dualRepayment === "savings");
  const committed = fund.rule === "committed" || (fund.rule === "dual" && fund.dualRepayment === "committed");
  return (
    <div className={f.stack}>
      <SelectField<FundRule>
        label={t(lang, "fundRule")}
        testId="fund-rule"
        value={fund.rule}
        options={[
          { value: "none", label: t(lang, "fundNone") },
          { value: "savings", label: t(lang, "fundSavings") },
          { value: "committed", label: t(lang, "fundCommitted") },
          { value: "dual", label: t(lang, "fundDual") },
        ]}
        onChange={(rule) => setFund({ rule })}
      />
      {fund.rule !== "none" && (
        <>
          <div className={f.row}>
            {fund.rule === "dual" && (
              <div className={f.grow}>
                <NumberField
                  label={t(lang, "fundShare")}
                  lang={lang}
                  percent
                  min={0}
                  max={100}
                  value={fund.fundShare}
                  testId="fund-share"
                  onCommit={(v) => v !== null && setFund({ fundShare: v })}
                />
              </div>
            )}
            <div className={f.grow}>
              <NumberField
                label={t(lang, "repaymentDelay")}
                lang={lang}
                integer
                min={0}
                value={fund.repaymentDelay}
                testId="repayment-delay"
                onCommit={(v) => v !== null && setFund({ repaymentDelay: v })}
              />
            </div>
            <div className={f.grow}>
              <NumberField
                label={t(lang, "capPerYear")}
                lang={lang}
                min={0}
                allowEmpty
                value={fund.capPerYear}
                testId="cap-per-year"
                onCommit={(capPerYear) => setFund({ capPerYear })}
              />
            </div>
            <div className={f.grow}>
              <NumberField
                label={t(lang, "lastYear")}
                lang={lang}
                integer
                allowEmpty
                value={fund.lastYear}
                testId="last-year"
                onCommit={(lastYear) => setFund({ lastYear })}
              />
            </div>
          </div>
          {fund.rule === "dual" && (
            <SelectField<"savings" | "committed">
              label={t(lang, "dualRepayment")}
              testId="dual-repayment"
              value={fund.dualRepayment}
              options={[
                { value: "savings", label: t(lang, "dualSavings") },
                { value: "committed", label: t(lang, "dualCommitted") },
              ]}
              onChange={(dualRepayment) => setFund({ dualRepayment })}
            />
          )}
          {savings && (
            <>
              <NumberField
                label={t(lang, "repaymentShare")}
                lang={lang}
                percent
                min={0}
                max={100}
                value={fund.repaymentShare}
                testId="repayment-share"
                onCommit={(v) => v !== null && setFund({ repaymentShare: v })}
              />
              <fieldset>
                <legend>{t(lang, "repayingActors")}</legend>
                {inputs.actors.map((a) => (
                  <Checkbox
                    key={a.id}
                    data-testid={`repaying-${a.id}`}
                    label={actorLabel(a, lang)}
                    checked={fund.repayingActors.includes(a.id)}
                    onChange={(_, d) => setFund({ repayingActors: d.checked ? [...fund.repayingActors, a.id] : fund.repayingActors.filter((x) => x !== a.id) })}
                  />
                ))}
              </fieldset>
            </>
          )}
          {committed && (
            <section aria-labelledby="commitments-heading" className={f.stack}>
              <h4 id="commitments-heading">{t(lang, "commitments")}</h4>
              {fund.commitments.length === 0 && <Text size={200}>{t(lang, "commitmentsEmpty")}</Text>}
              <ul className={s.list}>
                {fund.commitments.map((c, k) => {
                  const setC = (patch: Partial<typeof c>) => setFund({ commitments: fund.commitments.map((x, i) => (i === k ? { ...x, ...patch } : x)) });
                  return (
                    <li key={k} className={s.item} data-testid={`commitment-${k}`}>
                      <div className={f.row}>
                        <div className={f.grow}>
                          <SelectField
                            label={t(lang, "actor")}
                            testId={`commitment-${k}-actor`}
                            value={c.actor}
                            options={actors}
                            onChange={(actor) => setC({ actor })}
                          />
                        </div>
                        <div className={f.grow}>
                          <NumberField
                            label={t(lang, "commitmentYear")}
                            lang={lang}
                            integer
                            value={c.year}
                            testId={`commitment-${k}-year`}
                            onCommit={(v) => v !== null && setC({ year: v })}
                          />
                        </div>
                        <div className={f.grow}>
                          <NumberField
                            label={t(lang, "commitmentShare")}
                            lang={lang}
                            percent
                            min={0}
                            max={100}
                            value={c.share}
                            testId={`commitment-${k}-share`}
                            onCommit={(v) => v !== null && setC({ share: v })}
                          />
                        </div>
                        <Button data-testid={`commitment-${k}-remove`} onClick={() => setFund({ commitments: fund.commitments.filter((_, i) => i !== k) })}>
                          {t(lang, "removeCommitment")}
                        </Button>
                      </div>
                    </li>
                  );
                })}
              </ul>
              <div>
                <Button
                  data-testid="add-commitment"
                  onClick={() =>
                    setFund({
                      commitments: [
                        ...fund.commitments,
                        {
                          actor: (inputs.actors.find(isKommun) ?? inputs.actors[0])?.id ?? "",
                          year: firstYear + fund.repaymentDelay + fund.commitments.length,
                          share: 0.25,
                        },
                      ],
                    })
                  }
                >
                  {t(lang, "addCommitment")}
                </Button>
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
