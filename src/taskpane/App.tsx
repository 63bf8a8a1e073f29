/**
 * The task pane. It talks to the workbook only through a WorkbookHost, so the same component runs in Excel
 * (OfficeHost, see index.tsx) and in the browser playground (its own host).
 *
 * Flow: 1) pick the data, 2) describe the investment, 3) build, 4) models in the workbook (reopen,
 * rebuild in place, convert to portable, remove). Status and errors are announced in live regions.
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
import type { ModelInputs } from "../planner/inputs";
import type { StoredSettings } from "../planner/planModel";
import { DataRead, ListedModel, buildModel, convertModel, listModels, openModel, preview, readSelectionBlock, removeModel } from "./actions";
import { PaneMessage, freshInputs, hasLines, withBlock } from "./model";
import { Lang, bi, t } from "./strings";
import { BuildStep } from "./components/BuildStep";
import { DataStep } from "./components/DataStep";
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

export function App({ host, language = "sv", theme = "light" }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(language);
  const [inputs, setInputs] = React.useState<ModelInputs>(() => freshInputs(language));
  const [data, setData] = React.useState<DataRead | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState<PaneMessage | null>(null);
  const [models, setModels] = React.useState<ListedModel[] | null>(null);
  const [current, setCurrent] = React.useState<StoredSettings | null>(null);
  const [builtInputs, setBuiltInputs] = React.useState<ModelInputs | null>(null);

  const say = React.useCallback((m: { sv: string; en: string }, severity: PaneMessage["severity"] = "info") => setStatus({ sv: m.sv, en: m.en, severity }), []);

  /** Runs one action at a time; the buttons are disabled meanwhile. */
  const run = async (body: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    try {
      await body();
    } catch (e) {
      // Actions return their errors as values; this is the last guard so the pane never breaks.
      say({ sv: `Oväntat fel: ${String(e)}`, en: `Unexpected error: ${String(e)}` }, "error");
    } finally {
      setBusy(false);
    }
  };

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
      if (!r.ok) return setStatus(r.error);
      setData(r.value);
      setInputs((i) => withBlock(i, r.value.block));
      const b = r.value.block;
      say(bi("readOk", { rows: b.rows.filter((x) => x.kind === "data").length, years: b.years.length }), "success");
    });

  const afterBuild = async (settings: StoredSettings, from: ModelInputs, text: { sv: string; en: string }) => {
    setCurrent(settings);
    setBuiltInputs(from);
    say(text, "success");
    await refreshModels();
  };

  const onBuild = () =>
    run(async () => {
      const r = await buildModel(host, inputs, data?.block ?? null);
      // A failed write may have left a half-written model: the list shows it, with Repair and Remove.
      if (!r.ok) return (setStatus(r.error), await refreshModels());
      await afterBuild(r.value.output.settings, inputs, bi("built", { key: r.value.modelKey, sheet: r.value.sheet }));
    });

  /** Rebuild the open model from the pane's inputs; any other model from its stored inputs. */
  const onRebuild = (settings: StoredSettings) =>
    run(async () => {
      const isOpen = current?.modelKey === settings.modelKey;
      let from = inputs;
      let block = data?.block ?? null;
      if (!isOpen) {
        const opened = await openModel(host, settings);
        from = opened.inputs;
        block = opened.data?.block ?? null;
        setInputs(from);
        setData(opened.data);
      }
      const r = await buildModel(host, from, block, settings);
      if (!r.ok) return (setStatus(r.error), await refreshModels());
      await afterBuild(r.value.output.settings, from, bi("rebuilt", { key: r.value.modelKey }));
    });

  const onConvert = (settings: StoredSettings) =>
    run(async () => {
      const isOpen = current?.modelKey === settings.modelKey;
      const opened = isOpen ? { data } : await openModel(host, settings);
      const r = await convertModel(host, settings, opened.data?.block ?? null);
      if (!r.ok) return (setStatus(r.error), await refreshModels());
      const portable = { ...r.value.output.settings.inputs };
      const text = bi("converted", { key: r.value.modelKey });
      if (isOpen || !current) {
        setInputs(portable);
        setData(opened.data);
        await afterBuild(r.value.output.settings, portable, text);
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
      setCurrent(m.settings);
      setBuiltInputs(opened.inputs);
      if (opened.inputs.language !== lang) setLang(opened.inputs.language);
      if (opened.warning) setStatus(opened.warning);
      else say(bi("opened", { key: m.settings.modelKey }), "success");
    });

  const result = React.useMemo(() => (hasLines(inputs) ? preview(inputs, data?.block ?? null) : null), [inputs, data]);
  const isError = status?.severity === "error";

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang === "sv" ? "sv-SE" : "en"}>
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
        <DataStep lang={lang} data={data} inputs={inputs} busy={busy} onUseSelection={onUseSelection} onInputs={setInputs} />
        <InvestmentStep lang={lang} inputs={inputs} block={data?.block ?? null} onInputs={setInputs} onStatus={say} />
        <BuildStep
          lang={lang}
          inputs={inputs}
          busy={busy}
          result={result}
          built={builtInputs === inputs}
          modelOpen={current !== null}
          onInputs={setInputs}
          onBuild={onBuild}
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
    </FluentProvider>
  );
}

export default App;
