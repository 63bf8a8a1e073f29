/**
 * The workbook grid: computed values with their number formats, the selected range, editing. Cells are laid
 * out absolutely (fixed row height, the sheet's column widths), so merged cells and charts can sit where
 * Excel puts them, and only the rows in view are rendered, and of a sheet wider than 64 columns only the
 * columns in view (a 10,000-column spill or a large imported sheet costs what the screen shows). The grid
 * never ends before Excel's: 1,048,576 rows by 16,384 columns (A..XFD).
 *
 * A failure of the formula engine on an edit is caught: the cell keeps what it had and the page says why.
 *
 * Keyboard (like Excel): arrows move, Shift+arrows extend, Enter / Shift+Enter move down / up, F2 (or a
 * double-click) edits the cell, typing replaces it, Delete clears the selection, Escape cancels an edit, Ctrl+A selects the
 * used range, Home goes to column A, Ctrl+Home to A1, PageUp/PageDown move a screen. Tab is left to the
 * browser so keyboard users can reach the task pane.
 */
import React, { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { excelErrorText } from "../src/taskpane/format";
import { Area, areaName, cellName, columnName } from "./a1";
import { ChartView } from "./Charts";
import { displayLocale, formatValue } from "./numfmt";
import { TEXT, type Language } from "./text";
import { CellStyle, PlaygroundWorkbook, colOf, parseTyped, rowOf } from "./workbook";

export const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 44;
const DEFAULT_COL_WIDTH = 72;
const OVERSCAN = 8;
const COL_OVERSCAN = 2;
/** Sheets up to this many columns are drawn whole (as wide as a budget sheet gets; cells off to the right stay in the page). */
const ALL_COLUMNS_UP_TO = 64;
/** Excel's last row and column (0-based). */
export const LAST_ROW = 1_048_575;
export const LAST_COL = 16_383;
/** Text runs on over at most this many empty cells to its right. */
const RUN_ON = 16;

/** The column under x: the last i with lefts[i] <= x, by bisection. */
function columnAt(lefts: number[], x: number): number {
  let lo = 0;
  let hi = lefts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lefts[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** What the page says when the formula engine fails on an edit. */
export function engineFailureText(e: unknown, cell: string): { sv: string; en: string } {
  const why = e instanceof Error ? e.message : String(e);
  return {
    sv: `Formelmotorn kunde inte räkna ${cell} (${why}). Cellen har kvar sitt tidigare innehåll.`,
    en: `The formula engine could not calculate ${cell} (${why}). The cell keeps what it had.`,
  };
}

export function colWidthPx(book: PlaygroundWorkbook, sheet: string, c: number): number {
  const w = book.sheet(sheet)?.columnWidths.get(c);
  return w ? Math.max(24, Math.round((w * 4) / 3)) : DEFAULT_COL_WIDTH;
}

function styleCss(st: CellStyle | undefined): React.CSSProperties {
  if (!st) return {};
  return {
    fontWeight: st.bold ? 600 : undefined,
    fontStyle: st.italic ? "italic" : undefined,
    background: st.fill,
    color: st.fontColor,
    fontSize: st.size ? Math.round((st.size * 4) / 3) : undefined,
    // Excel makes a row taller for a larger font (the model's title); rows here have one height, so a larger font
    // gets the whole row as its line, without vertical padding, and its ascenders and descenders are not cut.
    lineHeight: st.size ? `${ROW_HEIGHT - 1}px` : undefined,
    paddingTop: st.size ? 0 : undefined,
    paddingBottom: st.size ? 0 : undefined,
    borderTop: st.borderTop ? "1px solid #7f7f7f" : undefined,
    borderBottom: st.borderBottom ? "1px solid #7f7f7f" : undefined,
    outline: st.borderAll ? "1px solid #9a9a9a" : undefined,
    outlineOffset: st.borderAll ? -1 : undefined,
    paddingLeft: st.indent ? 4 + st.indent * 10 : undefined,
  };
}

interface Props {
  book: PlaygroundWorkbook;
  language: Language;
  onMessage: (m: { sv: string; en: string } | null) => void;
}

interface Editing {
  r: number;
  c: number;
  text: string;
  /** Where the edit happens: in the cell, or in the formula bar. */
  where: "cell" | "bar";
}

export function Workbook({ book, language, onMessage }: Props) {
  useSyncExternalStore(
    useCallback((l: () => void) => book.subscribe(l), [book]),
    () => book.version,
  );
  const sel = book.selection;
  const sheet = sel.sheet;
  const [editing, setEditing] = useState<Editing | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const focusCorner = useRef<{ r: number; c: number }>({ r: sel.area.r1, c: sel.area.c1 });
  const dragging = useRef(false);
  const [scroll, setScroll] = useState({ top: 0, left: 0, height: 600, width: 1000 });
  const loc = displayLocale(language);

  const used = book.usedArea(sheet);
  const rowCount = Math.min(LAST_ROW + 1, Math.max((used?.r1 ?? 0) + 30, 60, sel.area.r1 + 10));
  // Enough columns to fill the view, as an Excel sheet never ends at the right edge.
  const colCount = Math.min(LAST_COL + 1, Math.max((used?.c1 ?? 0) + 4, Math.ceil((scroll.left + scroll.width) / DEFAULT_COL_WIDTH) + 1, 12, sel.area.c1 + 3));
  const widths = useMemo(() => Array.from({ length: colCount }, (_, c) => colWidthPx(book, sheet, c)), [book, sheet, colCount, book.version]);
  const lefts = useMemo(() => {
    const out = [0];
    for (const w of widths) out.push(out[out.length - 1] + w);
    return out;
  }, [widths]);
  const totalWidth = lefts[lefts.length - 1];
  /** The left edge of column c, also past the last laid-out column (merges and charts may reach further). */
  const leftOf = (c: number) => (c < lefts.length ? lefts[c] : totalWidth + (c - (lefts.length - 1)) * DEFAULT_COL_WIDTH);

  const select = useCallback(
    (active: { r: number; c: number }, corner: { r: number; c: number }) => {
      focusCorner.current = corner;
      const area: Area = {
        r0: Math.max(0, Math.min(active.r, corner.r)),
        c0: Math.max(0, Math.min(active.c, corner.c)),
        r1: Math.max(active.r, corner.r),
        c1: Math.max(active.c, corner.c),
      };
      book.select(sheet, area, active);
    },
    [book, sheet],
  );

  // Keep the moving corner of the selection in view.
  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    // The moving corner is stale when the selection changed from outside (another sheet, the host).
    const a = sel.area;
    const cur = focusCorner.current;
    if (!((cur.r === a.r0 || cur.r === a.r1) && (cur.c === a.c0 || cur.c === a.c1))) {
      focusCorner.current = { r: sel.active.r === a.r0 ? a.r1 : a.r0, c: sel.active.c === a.c0 ? a.c1 : a.c0 };
    }
    const { r, c } = focusCorner.current;
    const top = HEADER_HEIGHT + r * ROW_HEIGHT;
    if (top - HEADER_HEIGHT < el.scrollTop) el.scrollTop = top - HEADER_HEIGHT;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    const left = ROW_HEADER_WIDTH + leftOf(c);
    const w = widths[c] ?? DEFAULT_COL_WIDTH;
    if (left - ROW_HEADER_WIDTH < el.scrollLeft) el.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (left + w > el.scrollLeft + el.clientWidth) el.scrollLeft = left + w - el.clientWidth;
    // Only a change of selection or sheet scrolls: scrolling by hand must not snap back to the selection.
  }, [sel.area.r0, sel.area.c0, sel.area.r1, sel.area.c1, sel.active.r, sel.active.c, sheet]);

  useEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    const update = () => {
      // Headers follow the scroll through CSS variables set here, in the scroll event, so they are right in
      // the very next frame; React's re-render (which rows to draw) may come a frame later.
      el.style.setProperty("--sx", `${el.scrollLeft}px`);
      el.style.setProperty("--sy", `${el.scrollTop}px`);
      setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
    };
    update();
    el.addEventListener("scroll", update, { passive: true });
    const ro = typeof ResizeObserver !== "undefined" ? new ResizeObserver(update) : null;
    ro?.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      ro?.disconnect();
    };
  }, [sheet]);

  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);

  useEffect(() => setEditing(null), [sheet, book]);

  const state = book.sheet(sheet);
  const commit = (e: Editing, move: { dr: number; dc: number }) => {
    setEditing(null);
    if (state?.protected) {
      onMessage(TEXT.protectedSheet);
    } else {
      const input = parseTyped(e.text, language);
      const old = book.input(sheet, e.r, e.c);
      try {
        if (input !== (old ?? null)) book.setInput(sheet, e.r, e.c, input);
      } catch (x) {
        onMessage(engineFailureText(x, cellName(e.r, e.c)));
      }
    }
    const next = { r: Math.min(LAST_ROW, Math.max(0, e.r + move.dr)), c: Math.min(LAST_COL, Math.max(0, e.c + move.dc)) };
    select(next, next);
    gridRef.current?.focus();
  };

  const cancel = () => {
    setEditing(null);
    gridRef.current?.focus();
  };

  const rawText = (r: number, c: number): string => {
    const input = book.input(sheet, r, c);
    if (input === undefined) return "";
    if (typeof input === "number") return String(input).replace(".", language === "sv" ? "," : ".");
    if (typeof input === "boolean") return input ? loc.trueText : loc.falseText;
    return input;
  };

  const onKeyDown = (ev: React.KeyboardEvent) => {
    if (editing) return;
    const a = sel.active;
    const corner = focusCorner.current;
    const clamp = (r: number, c: number) => ({ r: Math.min(LAST_ROW, Math.max(0, r)), c: Math.min(LAST_COL, Math.max(0, c)) });
    const moveBy = (dr: number, dc: number) => {
      if (ev.shiftKey) select(a, clamp(corner.r + dr, corner.c + dc));
      else {
        const n = clamp(a.r + dr, a.c + dc);
        select(n, n);
      }
    };
    const page = Math.max(1, Math.floor(scroll.height / ROW_HEIGHT) - 2);
    switch (ev.key) {
      case "ArrowUp":
        return (ev.preventDefault(), moveBy(-1, 0));
      case "ArrowDown":
        return (ev.preventDefault(), moveBy(1, 0));
      case "ArrowLeft":
        return (ev.preventDefault(), moveBy(0, -1));
      case "ArrowRight":
        return (ev.preventDefault(), moveBy(0, 1));
      case "PageDown":
        return (ev.preventDefault(), moveBy(page, 0));
      case "PageUp":
        return (ev.preventDefault(), moveBy(-page, 0));
      case "Home":
        ev.preventDefault();
        return ev.ctrlKey ? select({ r: 0, c: 0 }, { r: 0, c: 0 }) : select({ r: a.r, c: 0 }, { r: a.r, c: 0 });
      case "Enter":
        ev.preventDefault();
        return moveBy(ev.shiftKey ? -1 : 1, 0) as void;
      case "F2":
        ev.preventDefault();
        return setEditing({ r: a.r, c: a.c, text: rawText(a.r, a.c), where: "cell" });
      case "Delete":
      case "Backspace": {
        ev.preventDefault();
        if (state?.protected) return onMessage(TEXT.protectedSheet);
        const ar = sel.area;
        // Only the entered cells (a whole-sheet selection must not visit 17 billion addresses).
        const doomed = [...(state?.inputs.keys() ?? [])]
          .map((k) => ({ r: rowOf(k), c: colOf(k) }))
          .filter(({ r, c }) => r >= ar.r0 && r <= ar.r1 && c >= ar.c0 && c <= ar.c1);
        try {
          book.batch(() => {
            for (const { r, c } of doomed) book.setInput(sheet, r, c, null);
          });
        } catch (x) {
          onMessage(engineFailureText(x, areaName(ar)));
        }
        return;
      }
      default:
        if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === "a") {
          ev.preventDefault();
          const u = book.usedArea(sheet) ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
          focusCorner.current = { r: u.r1, c: u.c1 };
          book.select(sheet, u, { r: u.r0, c: u.c0 });
          return;
        }
        if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
          ev.preventDefault();
          setEditing({ r: a.r, c: a.c, text: ev.key, where: "cell" });
        }
    }
  };

  const cellAt = (target: EventTarget | null): { r: number; c: number } | null => {
    const el = (target as HTMLElement | null)?.closest?.("[data-r]") as HTMLElement | null;
    if (!el) return null;
    return { r: Number(el.dataset.r), c: Number(el.dataset.c) };
  };

  const onMouseDown = (ev: React.MouseEvent) => {
    const at = cellAt(ev.target);
    if (!at || ev.button !== 0) return;
    ev.preventDefault();
    gridRef.current?.focus();
    if (editing) commit(editing, { dr: 0, dc: 0 });
    dragging.current = true;
    if (ev.shiftKey) select(sel.active, at);
    else select(at, at);
  };

  const onMouseOver = (ev: React.MouseEvent) => {
    if (!dragging.current) return;
    const at = cellAt(ev.target);
    if (!at) return;
    const c = focusCorner.current;
    if (c.r !== at.r || c.c !== at.c) select(sel.active, at);
  };

  // Rows and columns in view.
  const firstRow = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const lastRow = Math.min(rowCount - 1, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);
  const whole = colCount <= ALL_COLUMNS_UP_TO;
  const firstCol = whole ? 0 : Math.max(0, columnAt(lefts, scroll.left) - COL_OVERSCAN);
  const lastCol = whole ? colCount - 1 : Math.min(colCount - 1, columnAt(lefts, scroll.left + scroll.width) + COL_OVERSCAN);
  const merges = state?.merges ?? [];
  const hiddenByMerge = (r: number, c: number) => merges.some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && !(r === m.r0 && c === m.c0));
  const ar = sel.area;
  const inSel = (r: number, c: number) => r >= ar.r0 && r <= ar.r1 && c >= ar.c0 && c <= ar.c1;
  // An engine failure on one cell shows as an error in that cell, not as a broken grid.
  const valueAt = (r: number, c: number) => {
    try {
      return book.value(sheet, r, c);
    } catch {
      return "#VALUE!";
    }
  };
  const filledAt = (r: number, c: number) => {
    try {
      return book.isFilled(sheet, r, c);
    } catch {
      return true;
    }
  };

  const cells: React.ReactNode[] = [];
  const renderCell = (r: number, c: number) => {
    const merge = merges.find((m) => m.r0 === r && m.c0 === c);
    const value = valueAt(r, c);
    const fmt = book.format(sheet, r, c);
    const shown = formatValue(value, fmt, loc);
    const st = book.style(sheet, r, c);
    const isError = typeof value === "string" && shown.align === "center" && value.startsWith("#");
    // The same Swedish error names as the pane shows (one table, src/taskpane/format.ts).
    const text = isError && language === "sv" ? excelErrorText(value as string, "sv") : shown.text;
    const active = sel.active.r === r && sel.active.c === c;
    const width = merge ? leftOf(merge.c1 + 1) - leftOf(c) : widths[c];
    const height = merge ? (merge.r1 - merge.r0 + 1) * ROW_HEIGHT : ROW_HEIGHT;
    const editingHere = editing && editing.where === "cell" && editing.r === r && editing.c === c;
    // Text runs on over empty cells to its right, as in Excel; numbers never do.
    let spill = width;
    if (!merge && typeof value === "string" && !isError && (st?.align ?? shown.align) === "left") {
      for (let k = c + 1; k < Math.min(colCount, c + RUN_ON) && !filledAt(r, k) && !hiddenByMerge(r, k); k++) spill += widths[k];
    }
    let message: string | undefined;
    if (isError) {
      try {
        message = book.errorMessage(sheet, r, c);
      } catch {
        message = undefined;
      }
    }
    cells.push(
      <div
        key={`${r},${c}`}
        role="gridcell"
        aria-selected={inSel(r, c)}
        aria-label={`${cellName(r, c)} ${text}`}
        data-r={r}
        data-c={c}
        data-cell={cellName(r, c)}
        title={isError ? (message ?? text) : undefined}
        className={"pg-cell" + (inSel(r, c) ? " pg-sel" : "") + (active ? " pg-active" : "") + (isError ? " pg-error" : "")}
        style={{
          left: ROW_HEADER_WIDTH + leftOf(c),
          top: HEADER_HEIGHT + r * ROW_HEIGHT,
          width,
          height,
          textAlign: st?.align ?? shown.align,
          color: shown.color,
          zIndex: merge || spill > width ? 1 : undefined,
          overflow: spill > width ? "visible" : undefined,
          ...styleCss(st),
        }}
      >
        {editingHere ? (
          <input
            className="pg-editor"
            data-testid="cell-editor"
            aria-label={`${cellName(r, c)}`}
            autoFocus
            value={editing.text}
            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
            onMouseDown={(e) => e.stopPropagation()}
            onKeyDown={(e) => {
              const move = e.key === "Enter" ? { dr: e.shiftKey ? -1 : 1, dc: 0 } : e.key === "Tab" ? { dr: 0, dc: e.shiftKey ? -1 : 1 } : null;
              if (move) {
                e.preventDefault();
                commit(editing, move);
              } else if (e.key === "Escape") {
                e.preventDefault();
                cancel();
              }
            }}
          />
        ) : spill > width ? (
          <span className="pg-runon" style={{ width: spill - 8 }}>
            {text}
          </span>
        ) : (
          text
        )}
      </div>,
    );
  };

  const drawn = new Set<string>();
  for (let r = firstRow; r <= lastRow; r++) {
    cells.push(
      <div
        key={`rh${r}`}
        className={"pg-rowhead" + (r >= ar.r0 && r <= ar.r1 ? " pg-head-on" : "")}
        style={{ top: HEADER_HEIGHT + r * ROW_HEIGHT, left: "var(--sx, 0px)", height: ROW_HEIGHT, width: ROW_HEADER_WIDTH }}
        aria-hidden="true"
      >
        {r + 1}
      </div>,
    );
    // Text left of the view that runs on into it.
    for (let c = firstCol - 1; c >= Math.max(0, firstCol - RUN_ON); c--) {
      if (!filledAt(r, c)) continue;
      if (typeof valueAt(r, c) === "string" && !hiddenByMerge(r, c)) {
        renderCell(r, c);
        drawn.add(`${r},${c}`);
      }
      break;
    }
    for (let c = firstCol; c <= lastCol; c++) {
      if (hiddenByMerge(r, c)) continue;
      renderCell(r, c);
      drawn.add(`${r},${c}`);
    }
  }
  // Merged cells whose top-left cell is out of view but which reach into it.
  for (const m of merges) {
    if (m.r1 < firstRow || m.r0 > lastRow || m.c1 < firstCol || m.c0 > lastCol || drawn.has(`${m.r0},${m.c0}`)) continue;
    renderCell(m.r0, m.c0);
  }

  const sheetCharts = book.charts.filter((ch) => ch.sheet.toLowerCase() === sheet.toLowerCase());
  const barValue = editing && editing.where === "bar" ? editing.text : editing ? editing.text : rawText(sel.active.r, sel.active.c);
  const visible = book.visibleSheets();

  return (
    <div className="pg-workbook">
      <div className="pg-formula-row">
        <output className="pg-namebox" data-testid="name-box" aria-label={TEXT.nameBox[language]}>
          {areaName(sel.area)}
        </output>
        <span className="pg-fx" aria-hidden="true">
          fx
        </span>
        <input
          className="pg-formula"
          data-testid="formula-bar"
          aria-label={`${TEXT.formulaBar[language]} ${cellName(sel.active.r, sel.active.c)}`}
          value={barValue}
          readOnly={Boolean(state?.protected)}
          onFocus={() => !editing && setEditing({ r: sel.active.r, c: sel.active.c, text: rawText(sel.active.r, sel.active.c), where: "bar" })}
          onChange={(e) => setEditing({ r: sel.active.r, c: sel.active.c, text: e.target.value, where: "bar" })}
          onKeyDown={(e) => {
            if (!editing) return;
            if (e.key === "Enter") {
              e.preventDefault();
              commit(editing, { dr: 0, dc: 0 });
            } else if (e.key === "Escape") {
              e.preventDefault();
              cancel();
            }
          }}
          onBlur={() => editing?.where === "bar" && setEditing(null)}
        />
      </div>
      <div
        ref={gridRef}
        className="pg-grid"
        role="grid"
        aria-label={`${TEXT.grid[language]}: ${sheet}. ${TEXT.gridHelp[language]}`}
        aria-rowcount={rowCount}
        aria-colcount={colCount}
        aria-activedescendant={undefined}
        tabIndex={0}
        data-testid="grid"
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onDoubleClick={(ev) => {
          const at = cellAt(ev.target);
          if (at && !editing) setEditing({ r: at.r, c: at.c, text: rawText(at.r, at.c), where: "cell" });
        }}
      >
        <div className="pg-canvas" style={{ width: ROW_HEADER_WIDTH + totalWidth, height: HEADER_HEIGHT + rowCount * ROW_HEIGHT }}>
          <div
            className="pg-corner"
            style={{ width: ROW_HEADER_WIDTH, height: HEADER_HEIGHT, top: "var(--sy, 0px)", left: "var(--sx, 0px)" }}
            aria-hidden="true"
          />
          {Array.from({ length: lastCol - firstCol + 1 }, (_, i) => firstCol + i).map((c) => (
            <div
              key={`ch${c}`}
              className={"pg-colhead" + (c >= ar.c0 && c <= ar.c1 ? " pg-head-on" : "")}
              style={{ left: ROW_HEADER_WIDTH + lefts[c], top: "var(--sy, 0px)", width: widths[c], height: HEADER_HEIGHT }}
              aria-hidden="true"
            >
              {columnName(c)}
            </div>
          ))}
          {cells}
          {sheetCharts.map((ch, i) => (
            <div
              key={`chart${i}`}
              className="pg-chart"
              style={{
                left: ROW_HEADER_WIDTH + leftOf(ch.anchor.col),
                top: HEADER_HEIGHT + ch.anchor.row * ROW_HEIGHT,
              }}
            >
              <ChartView
                book={book}
                chart={ch}
                language={language}
                index={i}
                width={Math.max(320, leftOf(ch.anchor.col + ch.anchor.cols) - leftOf(ch.anchor.col))}
                height={Math.max(200, ch.anchor.rows * ROW_HEIGHT)}
              />
            </div>
          ))}
        </div>
      </div>
      <div className="pg-tabs" role="tablist" aria-label={TEXT.sheets[language]}>
        {visible.map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={name === sheet}
            className={"pg-tab" + (name === sheet ? " pg-tab-on" : "")}
            data-testid={`sheet-tab-${name}`}
            onClick={() => book.activate(name)}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
