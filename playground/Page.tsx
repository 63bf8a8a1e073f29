/**
 * The playground page: the workbook on the left, the unchanged task pane on the right, a toolbar with the
 * sample workbooks, opening a local .xlsx, downloading the result, and the page language.
 *
 * Choosing another sample or file replaces the workbook. When it holds changes that have not been downloaded
 * (a typed cell, a built model), the page asks first and says how to keep them.
 */
import React, { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { PlaygroundHost } from "./host";
import { ErrorBoundary } from "./ErrorBoundary";
import { Workbook, engineFailureText } from "./Grid";
import { displayLocale } from "./numfmt";
import { PlaygroundSample } from "./samples";
import { Bilingual, Language, TEXT } from "./text";
import { PlaygroundWorkbook, parseTyped } from "./workbook";
import { UploadError, bookFromRead, checkBeforeReading, readWorkbook, writeWorkbook } from "./xlsx";
import { parseArea } from "./a1";

export type PaneComponent = React.ComponentType<{ host: PlaygroundHost; language: Language }>;

interface Message {
  kind: "error" | "info";
  text: Bilingual;
}

interface Loaded {
  book: PlaygroundWorkbook;
  host: PlaygroundHost;
  /** What is open: a sample id or a file name; also names the download. */
  source: string;
  /** Remounts the pane for a new workbook, as Excel opens a fresh pane per document. */
  generation: number;
  /** The workbook's contents when it was opened or last downloaded (see `contents`). */
  saved: string;
}

/** A switch to another workbook waiting for the user's answer, because the open one has unsaved changes. */
type PendingSwitch = { kind: "sample"; id: string } | { kind: "file" };

/**
 * A fingerprint of what the workbook holds (every sheet's cells as entered, formats, looks, widths; the names; the
 * charts), to tell whether it changed; the selection does not count. The sum of one hash per entry does not
 * depend on the order of the entries and needs no copy of a large workbook.
 */
function contents(book: PlaygroundWorkbook): string {
  let sum = 0;
  let count = 0;
  const add = (s: string) => {
    let h = 0x811c9dc5; // FNV-1a
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    sum = (sum + (h >>> 0)) >>> 0;
    count++;
  };
  for (const name of book.sheetNames()) {
    const s = book.sheet(name);
    if (!s) continue;
    add(`sheet|${s.name}|${s.visibility}|${s.tabColor ?? ""}|${JSON.stringify(s.freeze ?? null)}|${JSON.stringify(s.merges)}`);
    for (const [k, v] of s.inputs) add(`${name}|cell|${k}|${typeof v}|${String(v)}`);
    for (const [k, v] of s.formats) add(`${name}|format|${k}|${v}`);
    for (const [k, v] of s.styles) add(`${name}|style|${k}|${JSON.stringify(v)}`);
    for (const [k, v] of s.columnWidths) add(`${name}|width|${k}|${v}`);
  }
  for (const n of book.names()) add(`name|${n.name}|${n.refersTo}`);
  for (const c of book.charts) add(`chart|${c.sheet}|${c.dataAddress}|${c.modelKey ?? ""}`);
  return `${count}:${sum}`;
}

/** What tests and the benchmark may read (never needed by users). */
export interface PlaygroundHandle {
  book: PlaygroundWorkbook;
  host: PlaygroundHost;
  source: string;
  loadSample(id: string): void;
  /** Types into a cell as a user would (the page's language decides the decimal sign). */
  type(sheet: string, a1: string, text: string): void;
}

declare global {
  interface Window {
    socinvPlayground?: PlaygroundHandle;
  }
}

function makeLoaded(book: PlaygroundWorkbook, source: string, generation: number, language: Language): Loaded {
  return { book, host: new PlaygroundHost(book, displayLocale(language)), source, generation, saved: contents(book) };
}

function fromSample(s: PlaygroundSample, generation: number, language: Language): Loaded {
  const book = new PlaygroundWorkbook(s.sheets);
  for (const n of s.names ?? []) book.addName(n.name, n.refersTo);
  // A template's sample opens with its budget block selected; the plain budget leaves the choosing to the user.
  const block = s.template && s.block ? parseArea(s.block.address) : null;
  if (block && s.block && book.sheet(s.block.sheet)) book.select(s.block.sheet, block);
  return makeLoaded(book, s.id, generation, language);
}

interface PageProps {
  samples: PlaygroundSample[];
  Pane: PaneComponent;
  initialLanguage: Language;
  initialSample?: string;
}

export function Page({ samples, Pane, initialLanguage, initialSample }: PageProps) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [loaded, setLoaded] = useState<Loaded>(() => fromSample(samples.find((s) => s.id === initialSample) ?? samples[0], 1, initialLanguage));
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingSwitch | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);

  const loadSample = useCallback(
    (id: string) => {
      const s = samples.find((x) => x.id === id);
      if (!s) return;
      setLoaded((prev) => fromSample(s, prev.generation + 1, language));
      setMessage(null);
    },
    [samples, language],
  );

  /** Another sample or file, after asking when the open workbook has changes that would be lost. */
  const requestSwitch = (to: PendingSwitch) => {
    if (contents(loaded.book) !== loaded.saved) {
      setPending(to);
      return;
    }
    switchTo(to);
  };
  const switchTo = (to: PendingSwitch) => {
    setPending(null);
    if (to.kind === "sample") loadSample(to.id);
    else fileInput.current?.click();
  };
  useEffect(() => {
    if (pending) keepButton.current?.focus(); // the safe answer first
  }, [pending]);

  // The host renders `text` in the user's locale; a language switch makes a host for the same workbook.
  useEffect(() => {
    setLoaded((prev) => ({ ...prev, host: new PlaygroundHost(prev.book, displayLocale(language)) }));
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    window.socinvPlayground = {
      book: loaded.book,
      host: loaded.host,
      source: loaded.source,
      loadSample,
      type: (sheet, a1, text) => {
        const a = parseArea(a1);
        try {
          if (a) loaded.book.setInput(sheet, a.r0, a.c0, parseTyped(text, language));
        } catch (e) {
          setMessage({ kind: "error", text: engineFailureText(e, a1) });
        }
      },
    };
  }, [loaded, loadSample, language]);

  const onFile = async (ev: React.ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = ""; // the same file can be chosen again after fixing it
    if (!file) return;
    setBusy(true);
    try {
      checkBeforeReading(file.name, file.size); // before a single byte is read
      const read = await readWorkbook(await file.arrayBuffer(), file.name);
      const { book, notes } = bookFromRead(read);
      if (book.visibleSheets().length === 0)
        throw new UploadError("empty", { sv: `"${file.name}" har inga synliga blad.`, en: `"${file.name}" has no visible sheets.` });
      setLoaded((prev) => makeLoaded(book, file.name, prev.generation + 1, language));
      const opened = { sv: `${TEXT.loaded.sv} ${file.name}.`, en: `${TEXT.loaded.en} ${file.name}.` };
      setMessage({
        kind: "info",
        text: notes.length ? { sv: `${opened.sv} ${notes.map((n) => n.sv).join(" ")}`, en: `${opened.en} ${notes.map((n) => n.en).join(" ")}` } : opened,
      });
    } catch (e) {
      const text =
        e instanceof UploadError
          ? e.text
          : {
              sv: `Filen kunde inte öppnas: ${e instanceof Error ? e.message : String(e)}`,
              en: `The file could not be opened: ${e instanceof Error ? e.message : String(e)}`,
            };
      setMessage({ kind: "error", text });
    } finally {
      setBusy(false);
    }
  };

  const onDownload = async () => {
    setBusy(true);
    try {
      const bytes = await writeWorkbook(loaded.book);
      const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `${loaded.source.replace(/\.xlsx$/i, "").replace(/[^\p{L}\p{N}_-]+/gu, "-")}-socinv.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      setLoaded((prev) => ({ ...prev, saved: contents(prev.book) }));
      setMessage({ kind: "info", text: TEXT.downloadNote });
    } catch (e) {
      setMessage({ kind: "error", text: { sv: `Nedladdningen misslyckades: ${String(e)}`, en: `The download failed: ${String(e)}` } });
    } finally {
      setBusy(false);
    }
  };

  const other: Language = language === "sv" ? "en" : "sv";
  const sampleValue = samples.some((s) => s.id === loaded.source) ? loaded.source : "";
  const pane = useMemo(() => <Pane key={loaded.generation} host={loaded.host} language={language} />, [Pane, loaded.generation, loaded.host, language]);

  return (
    <div className="pg-page" aria-busy={busy}>
      <header className="pg-header">
        <div>
          <h1>{TEXT.title[language]}</h1>
          <p className="pg-sub">{TEXT.subtitle[language]}</p>
        </div>
        <div className="pg-toolbar">
          <label>
            {TEXT.sample[language]}{" "}
            <select data-testid="sample-select" value={sampleValue} onChange={(e) => requestSwitch({ kind: "sample", id: e.target.value })}>
              {sampleValue === "" && <option value="">{loaded.source}</option>}
              {samples.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label[language]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-testid="open-file" onClick={() => requestSwitch({ kind: "file" })} disabled={busy}>
            {TEXT.open[language]}
          </button>
          <input
            ref={fileInput}
            type="file"
            data-testid="file-input"
            accept=".xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            onChange={onFile}
          />
          <button type="button" data-testid="download" onClick={onDownload} disabled={busy}>
            {TEXT.download[language]}
          </button>
          <label>
            {TEXT.language[language]}{" "}
            <select data-testid="page-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </header>
      {pending && (
        <div
          className="pg-message pg-confirm"
          role="alertdialog"
          aria-labelledby="pg-confirm-text"
          data-testid="unsaved-confirm"
          onKeyDown={(e) => {
            if (e.key === "Escape") setPending(null);
          }}
        >
          <p id="pg-confirm-text" lang={language}>
            {(pending.kind === "sample" ? TEXT.unsavedSample : TEXT.unsavedFile)[language].replace(
              "{name}",
              samples.find((x) => pending.kind === "sample" && x.id === pending.id)?.label[language] ?? "",
            )}
          </p>
          <button type="button" ref={keepButton} data-testid="unsaved-keep" onClick={() => setPending(null)}>
            {TEXT.unsavedKeep[language]}
          </button>
          <button type="button" data-testid="unsaved-discard" onClick={() => switchTo(pending)}>
            {(pending.kind === "sample" ? TEXT.unsavedDiscardSample : TEXT.unsavedDiscardFile)[language]}
          </button>
        </div>
      )}
      {message && (
        <div
          className={`pg-message pg-${message.kind}`}
          role={message.kind === "error" ? "alert" : "status"}
          data-testid="page-message"
          data-kind={message.kind}
        >
          <p lang={language}>{message.text[language]}</p>
          <p lang={other} className="pg-other-lang">
            {message.text[other]}
          </p>
          <button type="button" onClick={() => setMessage(null)} aria-label={TEXT.dismiss[language]}>
            ×
          </button>
        </div>
      )}
      <main className="pg-main">
        <section className="pg-left" aria-label={TEXT.grid[language]}>
          <ErrorBoundary language={language} what={TEXT.workbookPart} resetKey={loaded.generation}>
            <Workbook book={loaded.book} language={language} onMessage={(m) => setMessage(m ? { kind: "error", text: m } : null)} />
          </ErrorBoundary>
        </section>
        <aside className="pg-right" aria-label={TEXT.pane[language]} data-testid="pane-slot">
          <ErrorBoundary language={language} what={TEXT.panePart} resetKey={loaded.generation}>
            {pane}
          </ErrorBoundary>
        </aside>
      </main>
    </div>
  );
}
