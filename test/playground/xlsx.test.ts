import ExcelJS, { type CellFormulaValue, type Xlsx } from "exceljs";
import JSZip from "jszip";
import { BUDGET_SHEET, fixtureBudget } from "./fixture-budget";
import { PlaygroundWorkbook } from "../../playground/workbook";
import { MAX_UPLOAD_BYTES, UploadError, bookFromRead, readWorkbook, withFunctionPrefixes, writeWorkbook } from "../../playground/xlsx";
import { PlaygroundHost } from "../../playground/host";
import { fixturePlan } from "./plan-fixture";

async function built() {
  const { sheet, layout } = fixtureBudget();
  const book = new PlaygroundWorkbook([sheet]);
  const host = new PlaygroundHost(book);
  const elevhalsa = layout.activityRows["Barn- och utbildningsnämnden"][3];
  const placeringar = layout.activityRows["Socialnämnden"][1];
  await host.apply(fixturePlan({ costRow: elevhalsa, gainRow: placeringar }));
  return { book, layout };
}

async function problem(bytes: Uint8Array, name: string): Promise<UploadError> {
  const e = await readWorkbook(bytes, name).then(
    () => null,
    (x) => x,
  );
  expect(e).toBeInstanceOf(UploadError);
  expect((e as UploadError).text.sv).not.toBe((e as UploadError).text.en);
  return e as UploadError;
}

describe("download as .xlsx", () => {
  test("formulas, cached values, hidden settings sheet, names, formats and labels survive ExcelJS", async () => {
    const { book } = await built();
    const bytes = await writeWorkbook(book);
    const wb = new ExcelJS.Workbook();
    // ExcelJS reads any Uint8Array; its types declare a Buffer of their own (an ArrayBuffer).
    await wb.xlsx.load(bytes as unknown as Parameters<Xlsx["load"]>[0]);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [BUDGET_SHEET, "visible"],
      // The settings sheet (the model's record) is written first, so that a write stopped half-way is found.
      ["SOCINV_SI1", "hidden"],
      ["Modell SI1", "visible"],
    ]);
    const model = wb.getWorksheet("Modell SI1")!;
    const npvCell = model.getCell("B11");
    expect(npvCell.formula).toBe("NPV(SI1_Rate,B9:E9)");
    const npv = -655000 / 1.035 - 745000 / 1.035 ** 2 - 755000 / 1.035 ** 3 - 775000 / 1.035 ** 4;
    expect((npvCell.value as CellFormulaValue).result).toBeCloseTo(npv, 4);
    expect(npvCell.numFmt).toBe("#,##0");
    expect(model.getCell("B7").formula).toBe("-'Driftbudget'!B9*0.1*SI1_Unit");
    expect(model.getCell("A6").value).toBe("=Flöden (kr)"); // text, not a formula
    expect(model.getCell("A6").type).toBe(ExcelJS.ValueType.String);
    expect(model.getCell("B4").numFmt).toBe("0.0%");
    expect(model.getCell("B11").font?.bold).toBe(true);
    expect(wb.definedNames.getRanges("SI1_Rate").ranges).toEqual(["'Modell SI1'!$B$4"]);
    const settings = wb.getWorksheet("SOCINV_SI1")!;
    expect(settings.getCell("A1").value).toBe("SOCINV-MODEL v2");
    const budget = wb.getWorksheet(BUDGET_SHEET)!;
    expect(budget.getCell("B10").formula).toBe("SUM(B6:B9)");
    expect(budget.getCell("B6").value).toBe(412.6);
    expect(budget.getCell("B6").numFmt).toBe("# ##0,0;–# ##0,0");
  });

  test("read back into the playground: same values, the model is found again and can be removed", async () => {
    const { book } = await built();
    const bytes = await writeWorkbook(book);
    const read = await readWorkbook(bytes, "modell.xlsx");
    const { book: again } = bookFromRead(read);
    expect(again.sheetNames()).toEqual(book.sheetNames());
    expect(again.sheet("SOCINV_SI1")!.visibility).toBe("hidden");
    for (const [r, c] of [
      [10, 1],
      [8, 3],
      [6, 1],
    ])
      expect(again.value("Modell SI1", r, c)).toBeCloseTo(book.value("Modell SI1", r, c) as number, 6);
    const host = new PlaygroundHost(again);
    expect((await host.models()).map((m) => m.modelKey)).toEqual(["SI1"]);
    const budgetBefore = JSON.stringify(again.snapshotSheet(BUDGET_SHEET));
    await host.remove("SI1");
    expect(again.sheetNames()).toEqual([BUDGET_SHEET]);
    expect(JSON.stringify(again.snapshotSheet(BUDGET_SHEET))).toBe(budgetBefore);
  });

  test("newer functions get Excel's _xlfn. prefix, strings and sheet names are left alone", () => {
    expect(withFunctionPrefixes('IFS(A1>0,XLOOKUP(1,B:B,C:C),"IFS(")')).toBe('_xlfn.IFS(A1>0,_xlfn.XLOOKUP(1,B:B,C:C),"IFS(")');
    expect(withFunctionPrefixes("'LET('!A1+SUM(1)")).toBe("'LET('!A1+SUM(1)");
    expect(withFunctionPrefixes("_xlfn.IFS(1,2)")).toBe("_xlfn.IFS(1,2)");
  });
});

describe("opening a file: bad input gets a clear message", () => {
  test("not a workbook", async () => {
    const e = await problem(new TextEncoder().encode("Detta är ingen arbetsbok, bara text.\n"), "budget.xlsx");
    expect(e.code).toBe("notWorkbook");
    expect(e.text.en).toMatch(/not an Excel workbook/);
  });

  test("a zip that is not a workbook (e.g. a Word file renamed)", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w/>");
    const e = await problem(await zip.generateAsync({ type: "uint8array" }), "rapport.xlsx");
    expect(e.code).toBe("notWorkbook");
  });

  test("an old .xls", async () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await problem(bytes, "gammal.xls")).code).toBe("oldFormat");
  });

  test("above the size limit, refused before parsing", async () => {
    const bytes = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    const e = await problem(bytes, "stor.xlsx");
    expect(e.code).toBe("tooLarge");
    expect(e.text.sv).toMatch(/högst 10 MB/);
  });

  test("macros: vbaProject.bin inside, or an .xlsm name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blad1").getCell("A1").value = 1;
    const zip = await JSZip.loadAsync(new Uint8Array(await wb.xlsx.writeBuffer()));
    zip.file("xl/vbaProject.bin", new Uint8Array([1, 2, 3]));
    const withMacros = await zip.generateAsync({ type: "uint8array" });
    expect((await problem(withMacros, "budget.xlsx")).code).toBe("macros");
    expect((await problem(withMacros, "budget.xlsm")).text.en).toMatch(/macros/);
  });

  test("cells, shared formulas, dates, rich text, merges and text that looks like a number", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget 2025");
    ws.getCell("A1").value = { richText: [{ text: "Belopp " }, { text: "i tkr", font: { bold: true } }] };
    ws.getCell("B1").value = "2025"; // text, not a number
    ws.getCell("A2").value = 10;
    ws.getCell("A3").value = 20;
    ws.getCell("B2").value = { formula: "A2*2", result: 20 };
    ws.getCell("B3").value = { sharedFormula: "B2", result: 40 };
    ws.getCell("C2").value = new Date(Date.UTC(2024, 0, 1));
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
    ws.mergeCells("A5:C5");
    ws.getCell("A5").value = "Sammanslagen";
    const read = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "egen.xlsx");
    const { book } = bookFromRead(read);
    expect(book.value("Budget 2025", 0, 0)).toBe("Belopp i tkr");
    expect(book.value("Budget 2025", 0, 1)).toBe("2025");
    expect(book.value("Budget 2025", 2, 1)).toBe(40);
    expect(book.input("Budget 2025", 2, 1)).toBe("=A3*2");
    expect(book.value("Budget 2025", 1, 2)).toBe(45292);
    expect(book.sheet("Budget 2025")!.merges).toEqual([{ r0: 4, c0: 0, r1: 4, c1: 2 }]);
    const snap = await new PlaygroundHost(book).readRange("Budget 2025", "A5:C5");
    expect(snap.mergedAreas).toEqual(["A5:C5"]);
  });
});
