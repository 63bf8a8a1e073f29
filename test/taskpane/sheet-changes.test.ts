/**
 * WorkbookHost.onSheetChanged, the pane's way to hear that the budget or the model sheet changed: the Excel
 * host through Worksheet.onChanged (with a stand-in for Office.js's event API), falling back to the pane's
 * focus when the requirement set or the event is missing; the playground's host from its workbook's edits.
 */
import type { ExcelRun } from "../../src/host/office";
import { OfficeHost } from "../../src/host/office";
import { PlaygroundHost } from "../../playground/host";
import { PlaygroundWorkbook } from "../../playground/workbook";

/** A stand-in for Excel.run with worksheets that take onChanged handlers; `fire(sheet)` is an edit on the sheet. */
function excelWithEvents(opts: { events: boolean }) {
  const handlers = new Map<string, Array<() => Promise<void>>>();
  let removed = 0;
  const run = (async (batch: (ctx: unknown) => Promise<unknown>) =>
    batch({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            onChanged: opts.events
              ? {
                  add: (h: () => Promise<void>) => {
                    handlers.set(name, [...(handlers.get(name) ?? []), h]);
                    return {
                      context: {},
                      remove: () => {
                        handlers.set(
                          name,
                          (handlers.get(name) ?? []).filter((x) => x !== h),
                        );
                        removed++;
                      },
                    };
                  },
                }
              : undefined,
          }),
        },
      },
      sync: async () => undefined,
    })) as unknown as ExcelRun;
  return {
    run,
    fire: async (name: string) => {
      for (const h of handlers.get(name) ?? []) await h();
    },
    handlers: (name: string) => (handlers.get(name) ?? []).length,
    removed: () => removed,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the Excel host's change events", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  beforeEach(() => {
    // Removing a handler runs in the handler's own context: Excel.run(context, batch).
    g.Excel = { run: (_ctx: unknown, batch: (ctx: { sync(): Promise<void> }) => Promise<void>) => batch({ sync: async () => undefined }) };
  });
  afterEach(() => {
    delete g.Excel;
  });

  test("an edit on the sheet calls back; an edit elsewhere does not; ending the subscription removes the handler", async () => {
    const excel = excelWithEvents({ events: true });
    const host = new OfficeHost(excel.run);
    let calls = 0;
    const end = host.onSheetChanged("Driftbudget 2025", () => calls++);
    await settle();
    expect(excel.handlers("Driftbudget 2025")).toBe(1);
    await excel.fire("Driftbudget 2025");
    await excel.fire("SI1 Modell");
    expect(calls).toBe(1);
    end();
    await settle();
    expect(excel.removed()).toBe(1);
    expect(excel.handlers("Driftbudget 2025")).toBe(0);
    await excel.fire("Driftbudget 2025");
    expect(calls).toBe(1);
  });

  test("ended before the registration finished: the handler is removed as soon as it exists, and never calls", async () => {
    const excel = excelWithEvents({ events: true });
    const host = new OfficeHost(excel.run);
    let calls = 0;
    const end = host.onSheetChanged("Driftbudget 2025", () => calls++);
    end();
    await settle();
    await settle();
    expect(excel.handlers("Driftbudget 2025")).toBe(0);
    await excel.fire("Driftbudget 2025");
    expect(calls).toBe(0);
  });

  test("without the event (or ExcelApi 1.7) it falls back, without failing", async () => {
    const excel = excelWithEvents({ events: false });
    const host = new OfficeHost(excel.run);
    const end = host.onSheetChanged("Driftbudget 2025", () => undefined);
    await settle();
    expect(excel.handlers("Driftbudget 2025")).toBe(0);
    end();
  });
});

describe("the playground host's change events", () => {
  function book() {
    return new PlaygroundWorkbook([
      {
        name: "Budget",
        rows: [
          ["Verksamhet", "Budget 2025"],
          ["Placeringar", 52],
        ],
      },
      { name: "Annat", rows: [["x", 1]] },
    ]);
  }

  test("an edit on the sheet calls back once; an edit on another sheet, or no change, does not", () => {
    const b = book();
    const host = new PlaygroundHost(b);
    let calls = 0;
    const end = host.onSheetChanged("Budget", () => calls++);
    b.setInput("Budget", 1, 1, 62);
    expect(calls).toBe(1);
    b.setInput("Annat", 0, 1, 2);
    expect(calls).toBe(1);
    b.setInput("Budget", 1, 1, 62); // the same content again
    expect(calls).toBe(1);
    b.setInput("Budget", 1, 1, "tre");
    expect(calls).toBe(2);
    end();
    b.setInput("Budget", 1, 1, 52);
    expect(calls).toBe(2);
  });

  test("a read does not count as a change", async () => {
    const b = book();
    const host = new PlaygroundHost(b);
    let calls = 0;
    host.onSheetChanged("Budget", () => calls++);
    await host.readRange("Budget", "A1:B2");
    await host.readSelection().catch(() => undefined);
    expect(calls).toBe(0);
  });
});
