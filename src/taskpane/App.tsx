/**
 * The task pane. It talks to the workbook only through a WorkbookHost, so the same component runs in Excel
 * (OfficeHost, see index.tsx) and in the browser playground (its own host).
 *
 * Flow: 1) pick the data, 2) describe the investment, 3) build, 4) models in the workbook (reopen,
 * rebuild in place, convert to portable, remove). Status and errors are announced in live regions.
 *
 * The numbers of a built model are the workbook's: after a build, rebuild, conversion or opening the pane
 * reads the model sheet's key cells back (sheetResult.ts) and shows those, with its own computation kept only
 * to prove them equal. Every build and rebuild reads the budget again first. When the budget sheet or the
 * model sheet changes (WorkbookHost.onSheetChanged), the result is marked out of date at once and read again
 * (budget, then key cells) a moment later, never while an action runs. Build is refused while any field
 * shows a value it cannot use (fieldChecks.ts).
 */
import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../host/host";
import { withYearColumns } from "../planner/budget-years";
import type { ModelInputs } from "../planner/inputs";
import type { StoredSettings } from "../planner/planModel";
import {
  Built,
  DataRead,
  ListedModel,
  buildModel,
  cellsOfBuilt,
  convertModel,
  listModels,
  locateModel,
  openModel,
  preview,
  readFigures,
  readSelectionBlock,
  removeModel,
  rereadBlock,
} from "./actions";
import { FieldRegistry, refusalMessage } from "./fieldChecks";
import { PaneMessage, freshInputs, hasLines, withBlock } from "./model";
import { ModelCells, SheetFigures, badBudgetCells, resultBasis } from "./sheetResult";
import { Lang, bi, t } from "./strings";
import { BuildStep } from "./components/BuildStep";
import { DataStep } from "./components/DataStep";
import { FieldRegistryContext } from "./components/fields";
import { InvestmentStep } from "./components/InvestmentStep";
import { ModelsStep } from "./components/ModelsStep";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  live: { minHeight: "1px" },
});

export interface AppProps {
  host: WorkbookHost;
  /**
   * The pane's language; default Swedish. The user can switch with the pane's own toggle, and a new value of
   * this prop (the playground's page language menu) switches the pane too.
   */
  language?: Lang;
  /** Office's theme (index.tsx reads it); the playground passes its own. */
  theme?: "light" | "dark";
}

/** How long after the last change event the pane reads the workbook again. */
const REREAD_DELAY_MS = 300;
/** How long to wait before reading again while Excel still calculates (#BUSY!), and how many times. */
const PENDING_DELAY_MS = 1000;
const PENDING_TRIES = 30;

/** The inputs give the same numbers: only the language of the texts and the title differ. */
function sameModel(a: ModelInputs | null, b: ModelInputs): boolean {
  if (!a) return false;
  if (a === b) return true;
  return JSON.stringify({ ...a, language: "", title: "" }) === JSON.stringify({ ...b, language: "", title: "" });
}

function hasPending(s: SheetFigures | null): boolean {
  if (!s) return false;
  const all = [...Object.values(s.figures), ...Object.values(s.actors).flatMap((a) => [a.pvCosts, a.pvGains, a.pvNet])];
  return all.some((v) => v?.kind === "pending");
}

export function App({ host, language = "sv", theme = "light" }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(language);
  const [inputs, setInputs] = React.useState<ModelInputs>(() => freshInputs(language));
  const [data, setData] = React.useState<DataRead | null>(null);
  /** The last "Use selection" was refused: nothing of an earlier block is shown. */
  const [readRefused, setReadRefused] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState<PaneMessage | null>(null);
  const [models, setModels] = React.useState<ListedModel[] | null>(null);
  const [current, setCurrent] = React.useState<StoredSettings | null>(null);
  const [builtInputs, setBuiltInputs] = React.useState<ModelInputs | null>(null);
  /** Where the open model's figures are, and the figures as last read from its sheet. */
  const [cells, setCells] = React.useState<ModelCells | null>(null);
  const [sheet, setSheet] = React.useState<SheetFigures | null>(null);
  const [sheetProblem, setSheetProblem] = React.useState<PaneMessage | null>(null);
  /** A change in the workbook has not been read yet. */
  const [stale, setStale] = React.useState(false);
  const registry = React.useMemo(() => new FieldRegistry(), []);

  // The latest state, for the callbacks of change events and timers.
  const latest = React.useRef({ inputs, cells });
  latest.current = { inputs, cells };
  const busyRef = React.useRef(false);
  const refreshing = React.useRef<Promise<void> | null>(null);
  const pending = React.useRef(false);
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingTries = React.useRef(0);
  /** Row choices set aside by a refused read, given back when a block is read again (re-reading must not lose work). */
  const keptRows = React.useRef<ModelInputs["rows"]>([]);

  const say = React.useCallback((m: { sv: string; en: string }, severity: PaneMessage["severity"] = "info") => setStatus({ sv: m.sv, en: m.en, severity }), []);

  /** The model's figures from its sheet, now. */
  const readSheet = React.useCallback(
    async (c: ModelCells) => {
      const r = await readFigures(host, c);
      if (r.ok) {
        setSheet(r.value);
        setSheetProblem(null);
      } else {
        setSheet(null);
        setSheetProblem(r.error);
      }
    },
    [host],
  );

  /** Reads the budget again (when the pane uses one) and the open model's figures. */
  const refreshNow = React.useCallback(async () => {
    const { inputs: now, cells: c } = latest.current;
    if (now.source) {
      const again = await rereadBlock(host, now.source);
      if (again.ok) setData(again.value);
      else {
        // The block cannot be read now: its old amounts are not shown as if they were current.
        setData(null);
        setStatus({ ...again.error, severity: "warning" });
      }
    }
    if (c) await readSheet(c);
    setStale(false);
  }, [host, readSheet]);

  // Reads now if nothing else runs; otherwise the read waits for the action (see run) or the read under way.
  const flushRef = React.useRef<() => void>(() => undefined);
  const flush = React.useCallback(() => {
    timer.current = null;
    if (busyRef.current || refreshing.current) return;
    pending.current = false;
    const p = refreshNow()
      .catch(() => setStale(true))
      .finally(() => {
        refreshing.current = null;
        if (pending.current && !busyRef.current) flushRef.current();
      });
    refreshing.current = p;
  }, [refreshNow]);
  flushRef.current = flush;

  /** A change in the workbook: mark the result out of date now, read again shortly (changes come in bursts). */
  const onWorkbookChanged = React.useCallback(() => {
    pending.current = true;
    if (!busyRef.current) setStale(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => flushRef.current(), REREAD_DELAY_MS);
  }, []);

  React.useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /** Runs one action at a time; the buttons are disabled meanwhile, and no change is read while it runs. */
  const run = async (body: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setStatus(null);
    try {
      if (refreshing.current) await refreshing.current;
      await body();
    } catch (e) {
      // Actions return their errors as values; this is the last guard so the pane never breaks.
      say({ sv: `Oväntat fel: ${String(e)}`, en: `Unexpected error: ${String(e)}` }, "error");
    } finally {
      busyRef.current = false;
      setBusy(false);
      if (pending.current) {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => flushRef.current(), 0);
      }
    }
  };

  // Change events on the budget's sheet and the open model's sheet.
  const budgetSheet = inputs.source?.sheet ?? null;
  const modelSheet = cells?.sheet ?? null;
  React.useEffect(() => {
    const sheets = [...new Set([budgetSheet, modelSheet].filter((x): x is string => x !== null))];
    if (sheets.length === 0) return;
    if (host.onSheetChanged) {
      const ends = sheets.map((name) => host.onSheetChanged!(name, onWorkbookChanged));
      return () => ends.forEach((end) => end());
    }
    // A host without change events: read again when the pane gets the focus back.
    if (typeof window === "undefined") return;
    window.addEventListener("focus", onWorkbookChanged);
    return () => window.removeEventListener("focus", onWorkbookChanged);
  }, [host, budgetSheet, modelSheet, onWorkbookChanged]);

  // Excel still calculates some key cell (#BUSY!): read again in a moment, a limited number of times.
  React.useEffect(() => {
    if (!hasPending(sheet)) {
      pendingTries.current = 0;
      return;
    }
    if (pendingTries.current >= PENDING_TRIES) return;
    pendingTries.current++;
    const id = setTimeout(() => {
      pending.current = true;
      flushRef.current();
    }, PENDING_DELAY_MS);
    return () => clearTimeout(id);
  }, [sheet]);

  const refreshModels = React.useCallback(async () => {
    const r = await listModels(host);
    if (r.ok) setModels(r.value);
    else setStatus(r.error);
  }, [host]);

  React.useEffect(() => {
    void refreshModels();
  }, [refreshModels]);

  /** The model's language follows the pane's; the default title is translated, a title of the user's own is kept. */
  const changeLanguage = React.useCallback((next: Lang) => {
    setLang(next);
    setInputs((i) =>
      i.language === next ? i : { ...i, language: next, title: i.title === freshInputs(i.language).title ? freshInputs(next).title : i.title },
    );
  }, []);

  const switchLanguage = () => changeLanguage(lang === "sv" ? "en" : "sv");

  // Only a change of the prop switches the pane, so the pane's own toggle is not undone on every render.
  const propLanguage = React.useRef(language);
  React.useEffect(() => {
    if (propLanguage.current === language) return;
    propLanguage.current = language;
    changeLanguage(language);
  }, [language, changeLanguage]);

  const onUseSelection = () =>
    run(async () => {
      const r = await readSelectionBlock(host);
      if (!r.ok) {
        // Nothing of the previous block stays on screen: its facts, rows and source go (the row choices are
        // kept aside and come back when a block is read again).
        if (inputs.rows.length) keptRows.current = inputs.rows;
        setData(null);
        setReadRefused(true);
        setInputs((i) => ({ ...i, source: null, rows: [] }));
        return setStatus(r.error);
      }
      setReadRefused(false);
      setData(r.value);
      setInputs((i) => withBlock(i.rows.length ? i : { ...i, rows: keptRows.current }, r.value.block));
      const b = r.value.block;
      say(bi("readOk", { rows: b.rows.filter((x) => x.kind === "data").length, years: b.years.length }), "success");
    });

  /** The budget as the sheet holds it now, for a build; a refusal as a message (then nothing is built). */
  const budgetNow = async (from: ModelInputs): Promise<{ ok: true; data: DataRead | null } | { ok: false; error: PaneMessage }> => {
    if (!from.source) return { ok: true, data: null };
    const again = await rereadBlock(host, from.source);
    if (!again.ok) {
      const sv = t("sv", "budgetRereadFailed", { detail: again.error.sv });
      const en = t("en", "budgetRereadFailed", { detail: again.error.en });
      return { ok: false, error: { sv, en, severity: "error" } };
    }
    return { ok: true, data: again.value };
  };

  /** After a build, rebuild or conversion: the model is the open one and its figures are read from its sheet. */
  const afterBuild = async (built: Built, from: ModelInputs, text: { sv: string; en: string }) => {
    const c = cellsOfBuilt(built);
    setCurrent(built.output.settings);
    setBuiltInputs(from);
    setCells(c);
    await readSheet(c);
    setStale(false);
    // A warning the user was shown before building is repeated with the result, so it is not lost.
    const warnings = registry.warnings();
    if (warnings.length) {
      // The fields' texts are in the pane's language at the time of the build.
      const list = warnings.map((w) => `${w.label}: ${w.warning}`).join(" ");
      say({ sv: `${text.sv} ${t("sv", "builtWithWarnings", { list })}`, en: `${text.en} ${t("en", "builtWithWarnings", { list })}` }, "warning");
    } else say(text, "success");
    await refreshModels();
  };

  /** Refuses (and focuses the first field) when some field of the pane shows a value that cannot be used. */
  const refusedByFields = (): boolean => {
    const invalid = registry.invalid();
    const m = refusalMessage(invalid);
    if (!m) return false;
    say(m, "error");
    invalid[0].focus();
    return true;
  };

  const onBuild = () => {
    if (busyRef.current || refusedByFields()) return;
    void run(async () => {
      const budget = await budgetNow(inputs);
      if (!budget.ok) return setStatus(budget.error);
      setData(budget.data);
      const r = await buildModel(host, inputs, budget.data?.block ?? null);
      // A failed write may have left a half-written model: the list shows it, with Repair and Remove.
      if (!r.ok) return (setStatus(r.error), await refreshModels());
      await afterBuild(r.value, inputs, bi("built", { key: r.value.modelKey, sheet: r.value.sheet }));
    });
  };

  /** Rebuild the open model from the pane's inputs; any other model from its stored inputs. Either way from the budget as it is now. */
  const onRebuild = (settings: StoredSettings) => {
    const isOpen = current?.modelKey === settings.modelKey;
    if (busyRef.current || (isOpen && refusedByFields())) return;
    void run(async () => {
      const from = isOpen ? inputs : settings.inputs;
      const budget = await budgetNow(from);
      if (!budget.ok) return setStatus(budget.error);
      if (!isOpen) {
        setInputs(from);
        setReadRefused(false);
      }
      setData(budget.data);
      const r = await buildModel(host, from, budget.data?.block ?? null, settings);
      if (!r.ok) return (setStatus(r.error), await refreshModels());
      await afterBuild(r.value, from, bi("rebuilt", { key: r.value.modelKey }));
    });
  };

  const onConvert = (settings: StoredSettings) =>
    run(async () => {
      const isOpen = current?.modelKey === settings.modelKey;
      const budget = await budgetNow(settings.inputs);
      if (!budget.ok) return setStatus(budget.error);
      const r = await convertModel(host, settings, budget.data?.block ?? null);
      if (!r.ok) return (setStatus(r.error), await refreshModels());
      const portable = { ...r.value.output.settings.inputs };
      const text = bi("converted", { key: r.value.modelKey });
      if (isOpen || !current) {
        setInputs(portable);
        setData(budget.data);
        setReadRefused(false);
        await afterBuild(r.value, portable, text);
      } else {
        // Another model is open in the pane; leave its inputs alone.
        say(text, "success");
        await refreshModels();
      }
    });

  const onRemove = (key: string) =>
    run(async () => {
      const r = await removeModel(host, key);
      if (!r.ok) return setStatus(r.error);
      if (current?.modelKey === key) {
        setCurrent(null);
        setBuiltInputs(null);
        setCells(null);
        setSheet(null);
        setSheetProblem(null);
      }
      if (r.value.kept.length) say(bi("removedKept", { key, sheets: r.value.kept.join(", ") }), "warning");
      else say(bi("removed", { key }), "success");
      await refreshModels();
    });

  const onOpen = (m: ListedModel) =>
    run(async () => {
      if (!m.settings) return;
      const opened = await openModel(host, m.settings);
      setInputs(opened.inputs);
      setData(opened.data);
      setReadRefused(false);
      setCurrent(m.settings);
      setBuiltInputs(opened.inputs);
      if (opened.inputs.language !== lang) setLang(opened.inputs.language);
      const located = await locateModel(host, m.settings, opened.data?.block ?? null);
      if (located.ok) {
        setCells(located.value);
        await readSheet(located.value);
      } else {
        setCells(null);
        setSheet(null);
        setSheetProblem(located.error);
      }
      setStale(false);
      if (opened.warning) setStatus(opened.warning);
      else say(bi("opened", { key: m.settings.modelKey }), "success");
    });

  const onRefreshResult = () =>
    run(async () => {
      pending.current = false;
      await refreshNow();
    });

  const result = React.useMemo(() => (hasLines(inputs) ? preview(inputs, data?.block ?? null) : null), [inputs, data]);
  const built = current !== null && sameModel(builtInputs, inputs);
  const sheetShown = built ? (sheet && cells && sheet.modelKey === cells.modelKey ? sheet : "unread") : null;
  const basis = React.useMemo(
    () => (hasLines(inputs) ? resultBasis(lang, inputs, data?.block ?? null, built && sheet ? sheet : null) : []),
    [lang, inputs, data, built, sheet],
  );
  const badCells = React.useMemo(() => badBudgetCells(data?.block ?? null, data?.snapshot ?? null, inputs), [data, inputs]);
  const isError = status?.severity === "error";

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang === "sv" ? "sv-SE" : "en"}>
      <FieldRegistryContext.Provider value={registry}>
        <main className={s.root} data-testid="pane" data-lang={lang} aria-busy={busy}>
          <header className={s.header}>
            <Title2 as="h1">{t(lang, "appTitle")}</Title2>
            <Button data-testid="language-toggle" aria-label={t(lang, "languageToggleLabel")} lang={lang === "sv" ? "en" : "sv"} onClick={switchLanguage}>
              {t(lang, "languageToggle")}
            </Button>
          </header>
          <div role="status" aria-live="polite" className={s.live} data-testid="status">
            {busy && <Spinner size="tiny" label={t(lang, "busy")} />}
            {status && !isError && (
              <MessageBar intent={status.severity === "success" ? "success" : status.severity === "warning" ? "warning" : "info"}>
                <MessageBarBody>{status[lang]}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          <div role="alert" aria-live="assertive" className={s.live} data-testid="error">
            {status && isError && (
              <MessageBar intent="error">
                <MessageBarBody>
                  {t(lang, "errorPrefix")}: {status[lang]}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          <DataStep lang={lang} data={data} refused={readRefused} inputs={inputs} busy={busy} onUseSelection={onUseSelection} onInputs={setInputs} />
          {/* The block with the column picked for a year that has several (budget-years.ts), as the model reads it. */}
          <InvestmentStep
            lang={lang}
            inputs={inputs}
            block={data ? withYearColumns(data.block, inputs.source?.yearColumns).block : null}
            onInputs={setInputs}
            onStatus={say}
          />
          <BuildStep
            lang={lang}
            inputs={inputs}
            busy={busy}
            result={result}
            built={built}
            sheet={sheetShown}
            sheetProblem={sheetProblem}
            stale={stale}
            modelKey={current?.modelKey ?? null}
            modelSheet={cells?.sheet ?? current?.sheets[0] ?? null}
            basis={basis}
            badCells={badCells}
            modelOpen={current !== null}
            onInputs={setInputs}
            onBuild={onBuild}
            onRefresh={onRefreshResult}
            block={data?.block ?? null}
          />
          <ModelsStep
            lang={lang}
            models={models}
            current={current}
            busy={busy}
            onRefresh={() => run(refreshModels)}
            onOpen={onOpen}
            onRebuild={onRebuild}
            onConvert={onConvert}
            onRemove={onRemove}
          />
        </main>
      </FieldRegistryContext.Provider>
    </FluentProvider>
  );
}

export default App;
