/**
 * The bounded pre-scan of an opened .xlsx (playground/zipscan.ts) and what readWorkbook tells the user:
 * sizes that lie, zip bombs and too many cells are refused while inflating, before ExcelJS sees the file,
 * after inflating no more than the caps allow.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import zlib from "node:zlib";
import { CellCounter, Inflater, ZipLimits, ZipProblem, inflateRaw, readDirectory, scanZip } from "../../playground/zipscan";
import { MAX_CELLS, MAX_ENTRY_BYTES, MAX_UNZIPPED_BYTES, UploadError, ZIP_LIMITS, bookFromRead, readWorkbook } from "../../playground/xlsx";
import { makeZip, rezip, sheetXml, zeroBomb } from "./zip-fixtures";

const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Verksamhet", "Budget 2025"]);
  ws.addRow(["Bibliotek", 9600]);
  ws.addRow(["Summa", { formula: "SUM(B2:B2)", result: 9600 }]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An inflater that counts the inflated bytes it hands out, to show where a scan stopped. */
function counting(): { inflate: Inflater; bytes: () => number } {
  let n = 0;
  const inflate: Inflater = () => {
    const inner = inflateRaw();
    const readable = inner.readable.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, ctl) {
          n += chunk.length;
          ctl.enqueue(chunk);
        },
      }),
    );
    return { writable: inner.writable, readable };
  };
  return { inflate, bytes: () => n };
}

async function scanProblem(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS, inflate?: Inflater): Promise<ZipProblem> {
  const e = await scanZip(bytes, limits, inflate).then(
    () => null,
    (x) => x,
  );
  expect(e).toBeInstanceOf(ZipProblem);
  return e as ZipProblem;
}

async function uploadProblem(bytes: Uint8Array, name = "budget.xlsx"): Promise<UploadError> {
  const e = await readWorkbook(bytes, name).then(
    () => null,
    (x) => x,
  );
  expect(e).toBeInstanceOf(UploadError);
  const u = e as UploadError;
  expect(u.text.sv).toContain(name);
  expect(u.text.en).toContain(name);
  expect(u.text.sv).not.toBe(u.text.en);
  return u;
}

describe("the cell counter", () => {
  const xml =
    '<?xml version="1.0"?><worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="2"/><c r="C1" t="s" x=">"><v>0</v></c></row><row r="2" spans="1:2"><x:c r="A2"><x:v>2</x:v></x:c><c r="B2"/></row><rowBreaks/></sheetData><conditionalFormatting><cfRule/></conditionalFormatting></worksheet>';

  test("counts filled cells, empty formatted cells and rows, any prefix, quotes with > inside", () => {
    const c = new CellCounter();
    c.feed(text(xml));
    expect({ filled: c.filled, elements: c.elements, rows: c.rows }).toEqual({ filled: 3, elements: 5, rows: 2 });
  });

  test("the same counts whatever the chunk boundaries", () => {
    const bytes = text(xml);
    for (const size of [1, 2, 3, 7]) {
      const c = new CellCounter();
      for (let i = 0; i < bytes.length; i += size) c.feed(bytes.subarray(i, i + size));
      expect({ filled: c.filled, elements: c.elements, rows: c.rows }).toEqual({ filled: 3, elements: 5, rows: 2 });
    }
  });

  test("an unclosed quote cannot hide the cells after it: a < starts a new tag", () => {
    const c = new CellCounter();
    c.feed(text('<c r="A1><v>1</v></c><c r="A2"><v>2</v></c>'));
    expect(c.elements).toBe(2);
  });
});

describe("scanning a zip", () => {
  test("an honest workbook: every part inflated and counted, nothing refused", async () => {
    const bytes = await workbook();
    const s = await scanZip(bytes, ZIP_LIMITS);
    expect(s.entries.map((e) => e.name)).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
    expect(s.filledCells).toBe(6);
    expect(s.rows).toBe(3);
    expect(s.inflatedBytes).toBe(s.entries.reduce((n, e) => n + e.declaredSize, 0));
  });

  test("an entry that declares 1 KB but inflates to 1 GB: refused after about 1 KB", async () => {
    const bytes = await rezip(await workbook(), {
      "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", compressed: zeroBomb(1024), declaredSize: 1024 },
    });
    expect(bytes.length).toBeLessThan(2 * MB);
    const c = counting();
    const e = await scanProblem(bytes, ZIP_LIMITS, c.inflate);
    expect(e.code).toBe("sizeMismatch");
    expect(e.entry).toBe("xl/worksheets/sheet1.xml");
    expect(c.bytes()).toBeLessThan(2 * MB); // one inflated chunk past the declared size, not a gigabyte
  });

  test("a zip bomb that declares its size honestly: refused at the per-entry cap", async () => {
    const bytes = await rezip(await workbook(), {
      "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", compressed: zeroBomb(1024), declaredSize: 1024 * MB },
    });
    const c = counting();
    const e = await scanProblem(bytes, ZIP_LIMITS, c.inflate);
    expect(e.code).toBe("entryTooLarge");
    expect(c.bytes()).toBeGreaterThan(MAX_ENTRY_BYTES);
    expect(c.bytes()).toBeLessThan(MAX_ENTRY_BYTES + 2 * MB);
  });

  test("parts each under the per-entry cap that together pass the total cap", async () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `xl/media/image${i}.bin`, compressed: zeroBomb(30), declaredSize: 30 * MB }));
    const bytes = makeZip([{ name: "xl/workbook.xml", data: text("<workbook/>") }, ...parts]);
    const c = counting();
    const e = await scanProblem(bytes, ZIP_LIMITS, c.inflate);
    expect(e.code).toBe("tooLarge");
    expect(c.bytes()).toBeLessThan(MAX_UNZIPPED_BYTES + 2 * MB);
  });

  test("a stored entry whose two sizes differ, data before the zip, an unknown compression, a truncated entry", async () => {
    const wbXml = { name: "xl/workbook.xml", data: text("<workbook/>") };
    expect((await scanProblem(makeZip([wbXml, { name: "a.bin", data: new Uint8Array(100), method: 0, declaredSize: 10 }]))).code).toBe("sizeMismatch");
    // Bytes before the zip that its offsets do not count (JSZip would shift every offset): refused.
    expect(() => readDirectory(makeZip([wbXml], { prepend: new Uint8Array(64) }), ZIP_LIMITS)).toThrow(expect.objectContaining({ code: "damaged" }));
    expect(readDirectory(makeZip([wbXml], { prepend: new Uint8Array(64), offsetsCountPrepend: true }), ZIP_LIMITS).map((e) => e.name)).toEqual([
      "xl/workbook.xml",
    ]);
    const lzma = makeZip([wbXml]);
    lzma[8] = 14; // the local header's method: LZMA
    lzma[lzma.length - 22 - (46 + wbXml.name.length) + 10] = 14; // and the central header's
    expect((await scanProblem(lzma)).code).toBe("unsupported");
    const deflated = zlib.deflateRawSync(Buffer.alloc(10_000, 65));
    const truncated = makeZip([wbXml, { name: "xl/styles.xml", compressed: new Uint8Array(deflated.subarray(0, deflated.length - 4)), declaredSize: 10_000 }]);
    expect((await scanProblem(truncated)).code).toMatch(/damaged|sizeMismatch/);
    expect((await scanProblem(new Uint8Array(100), ZIP_LIMITS)).code).toBe("notZip");
  });

  test("the zip64 layout and data descriptors are read as JSZip reads them", async () => {
    const wb = await JSZip.loadAsync(await workbook());
    const entries = await Promise.all(
      Object.values(wb.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ name: f.name, data: await f.async("uint8array") })),
    );
    const zip64 = makeZip(entries, { zip64: true });
    const s = await scanZip(zip64, ZIP_LIMITS);
    expect(s.filledCells).toBe(6);
    expect(Object.keys((await JSZip.loadAsync(zip64)).files).sort()).toEqual(s.entries.map((e) => e.name).sort());
    const streamed = await wb.generateAsync({ type: "uint8array", streamFiles: true, compression: "DEFLATE" });
    expect((await scanZip(streamed, ZIP_LIMITS)).filledCells).toBe(6);
    const { book } = bookFromRead(await readWorkbook(zip64, "zip64.xlsx"));
    expect(book.value("Budget", 2, 1)).toBe(9600);
  });

  test("too many entries", async () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `p${i}.xml`, data: text("<a/>") }));
    expect((await scanProblem(makeZip(entries), { ...ZIP_LIMITS, maxEntries: 20 })).code).toBe("tooManyEntries");
  });
});

describe("opening a hostile file: refused with a message, quickly", () => {
  test("a 1 MB file whose sheet declares 1 KB and inflates to 1 GB", async () => {
    const bytes = await rezip(await workbook(), {
      "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", compressed: zeroBomb(1024), declaredSize: 1024 },
    });
    const e = await uploadProblem(bytes);
    expect(e.code).toBe("damaged");
    expect(e.text.sv).toMatch(/är skadad.*xl\/worksheets\/sheet1\.xml/);
    expect(e.text.en).toMatch(/is damaged/);
  });

  test("a zip bomb declaring 1 GB", async () => {
    const bytes = await rezip(await workbook(), {
      "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", compressed: zeroBomb(1024), declaredSize: 1024 * MB },
    });
    const e = await uploadProblem(bytes);
    expect(e.code).toBe("tooLarge");
    expect(e.text.sv).toMatch(/packas upp till mer än 40 MB/);
    expect(e.text.en).toMatch(/unpacks to more than 40 MB/);
  });

  test("more filled cells than the cap: refused while inflating, before ExcelJS builds the workbook", async () => {
    const sheet = sheetXml(MAX_CELLS / 10 + 1, 10);
    const bytes = await rezip(await workbook(), { "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", data: sheet } });
    const e = await uploadProblem(bytes);
    expect(e.code).toBe("tooManyCells");
    expect(e.text.sv).toMatch(/fler än 400\u00a0000 ifyllda celler/);
    expect(e.text.en).toMatch(/more than 400,000 filled cells/);
  });

  test("more than a million empty formatted cells", async () => {
    const sheet = sheetXml(1001, 1000, "empty");
    const bytes = await rezip(await workbook(), { "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", data: sheet } });
    const e = await uploadProblem(bytes);
    expect(e.code).toBe("tooManyCells");
    expect(e.text.en).toMatch(/more than 1,000,000 cells \(empty formatted cells included\)/);
  });

  test("a few hundred cells far out on the sheet (the engine's memory grows with rows × the rightmost column)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.getCell("A1").value = "Budget";
    for (let r = 2; r <= 400; r++) ws.getCell(r * 2000, 16384).value = r;
    const e = await uploadProblem(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(e.code).toBe("tooManyCells");
    expect(e.text.sv).toMatch(/sträcker sig för långt.*kolumn XFD/);
    expect(e.text.en).toMatch(/reaches too far.*column XFD/);
  });

  test("a workbook just under the caps still opens", async () => {
    const sheet = sheetXml(2000, 10);
    const bytes = await rezip(await workbook(), { "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", data: sheet } });
    const { book } = bookFromRead(await readWorkbook(bytes, "stor.xlsx"));
    expect(book.value("Budget", 1999, 9)).toBe(2000 + 9);
  });
});
