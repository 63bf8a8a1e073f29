/**
 * Zips made in code for the tests of opening files: honest ones, and hostile ones whose table of contents
 * lies about sizes, that inflate a thousandfold, or that hold too many cells. No binary fixtures.
 */
import JSZip from "jszip";
import zlib from "node:zlib";

export interface FixtureEntry {
  name: string;
  /** The entry's content; deflated unless `compressed` or `method: 0` is given. */
  data?: Uint8Array;
  /** Raw deflate bytes to store as they are (for bombs built without inflating them here). */
  compressed?: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size written in both headers; the real size when omitted. */
  declaredSize?: number;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

const u64 = (n: number) => [...u32(n % 0x100000000), ...u32(Math.floor(n / 0x100000000))];

/**
 * A zip of the entries (no data descriptors), optionally with bytes before it that its offsets count (a
 * consistent zip) or do not count (a zip appended to other data), optionally in the zip64 layout (sizes and
 * offsets in zip64 extra fields, a zip64 end of central directory), as some writers produce.
 */
export function makeZip(entries: FixtureEntry[], opts: { prepend?: Uint8Array; offsetsCountPrepend?: boolean; zip64?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: number[][] = [];
  let offset = opts.offsetsCountPrepend ? (opts.prepend?.length ?? 0) : 0;
  if (opts.prepend) parts.push(opts.prepend);
  for (const e of entries) {
    const method = e.method ?? 8;
    const data = e.data ?? new Uint8Array(0);
    const body = e.compressed ?? (method === 8 ? new Uint8Array(zlib.deflateRawSync(data)) : data);
    const size = e.declaredSize ?? (e.compressed ? 0 : data.length);
    const crc = e.compressed ? 0 : zlib.crc32(data);
    const name = new TextEncoder().encode(e.name);
    const common = (sizes: number[], extraLen: number) => [
      ...u16(45),
      ...u16(0x0800),
      ...u16(method),
      ...u16(0),
      ...u16(0x21),
      ...u32(crc),
      ...sizes,
      ...u16(name.length),
      ...u16(extraLen),
    ];
    const local = new Uint8Array([...u32(0x04034b50), ...common([...u32(body.length), ...u32(size)], 0), ...name]);
    parts.push(local, body);
    if (opts.zip64) {
      const extra = [...u16(0x0001), ...u16(24), ...u64(size), ...u64(body.length), ...u64(offset)];
      central.push([
        ...u32(0x02014b50),
        ...u16(45),
        ...common([...u32(0xffffffff), ...u32(0xffffffff)], extra.length),
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u32(0),
        ...u32(0xffffffff),
        ...name,
        ...extra,
      ]);
    } else {
      central.push([
        ...u32(0x02014b50),
        ...u16(20),
        ...common([...u32(body.length), ...u32(size)], 0),
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u32(0),
        ...u32(offset),
        ...name,
      ]);
    }
    offset += local.length + body.length;
  }
  const cd = new Uint8Array(central.flat());
  parts.push(cd);
  if (opts.zip64) {
    const rec = offset + cd.length;
    parts.push(
      new Uint8Array([
        ...u32(0x06064b50),
        ...u64(44),
        ...u16(45),
        ...u16(45),
        ...u32(0),
        ...u32(0),
        ...u64(entries.length),
        ...u64(entries.length),
        ...u64(cd.length),
        ...u64(offset),
      ]),
    );
    parts.push(new Uint8Array([...u32(0x07064b50), ...u32(0), ...u64(rec), ...u32(1)]));
    parts.push(new Uint8Array([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(0xffff), ...u16(0xffff), ...u32(0xffffffff), ...u32(0xffffffff), ...u16(0)]));
  } else {
    parts.push(
      new Uint8Array([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(cd.length), ...u32(offset), ...u16(0)]),
    );
  }
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * Raw deflate bytes that inflate to `mb` megabytes of zeros, built without holding them: one megabyte
 * compressed and flushed to a byte boundary, repeated, then an empty final block (about 1 KB per MB).
 */
export function zeroBomb(mb: number): Uint8Array {
  const d = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const out = Buffer.alloc(d.length * mb + 2);
  for (let i = 0; i < mb; i++) d.copy(out, i * d.length);
  out[d.length * mb] = 0x03; // final fixed-Huffman block holding only end-of-block
  out[d.length * mb + 1] = 0x00;
  return new Uint8Array(out);
}

/** The entries of an existing zip (an ExcelJS workbook), with some replaced, added or (null) removed. */
export async function rezip(zipBytes: Uint8Array, changes: Record<string, FixtureEntry | null>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(zipBytes);
  const entries: FixtureEntry[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    if (f.name in changes) continue;
    entries.push({ name: f.name, data: await f.async("uint8array") });
  }
  for (const e of Object.values(changes)) if (e) entries.push(e);
  return makeZip(entries);
}

/** Worksheet XML with `rows` × `cols` cells: numbers, or empty formatted cells (`<c r="A1" s="0"/>`). */
export function sheetXml(rows: number, cols: number, kind: "filled" | "empty" = "filled"): Uint8Array {
  const col = (c: number) => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += kind === "filled" ? `<c r="${col(c)}${r}"><v>${r + c}</v></c>` : `<c r="${col(c)}${r}" s="0"/>`;
    out.push(row + "</row>");
  }
  out.push("</sheetData></worksheet>");
  return new TextEncoder().encode(out.join(""));
}
