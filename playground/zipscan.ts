/**
 * A bounded pre-scan of a zip (an .xlsx) before any library unpacks it. The sizes a zip declares are not
 * trusted: every entry is inflated here with a streaming inflater (DecompressionStream, in the browser and in
 * Node alike) and its bytes are counted as they come; the scan stops as soon as an entry or the whole file
 * passes its cap, or when the cells and rows counted in the XML pass theirs. An entry whose inflated size
 * differs from the size in the zip's table of contents is refused, so what JSZip and ExcelJS unpack after
 * this scan is exactly what was counted.
 *
 * The layout is read as JSZip reads it (the last end-of-central-directory record, central headers until the
 * signature stops, local headers for where the data starts), and anything JSZip would read differently
 * (data before or inside the zip, an unknown compression, encryption) is refused rather than guessed.
 */

export interface ZipLimits {
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Entries in the central directory. */
  maxEntries: number;
  /** Cells with content (`<c …>…</c>` elements in the XML). */
  maxFilledCells: number;
  /** All cell elements, empty formatted ones (`<c …/>`) included. */
  maxCellElements: number;
  /** Row elements. */
  maxRows: number;
}

export interface ZipEntryInfo {
  /** The name in the central directory. */
  name: string;
  /** The name in the local header (JSZip uses this one) and, when present, the Unicode path extra field. */
  otherNames: string[];
  method: number;
  compressedSize: number;
  declaredSize: number;
}

export interface ZipScan {
  entries: ZipEntryInfo[];
  inflatedBytes: number;
  filledCells: number;
  cellElements: number;
  rows: number;
}

export type ZipProblemCode =
  "notZip" | "damaged" | "sizeMismatch" | "unsupported" | "tooManyEntries" | "entryTooLarge" | "tooLarge" | "tooManyCells" | "tooManyRows";

export class ZipProblem extends Error {
  constructor(
    readonly code: ZipProblemCode,
    message: string,
    /** The entry concerned, when there is one. */
    readonly entry?: string,
    /** The limit that was passed, when one was. */
    readonly limit?: number,
  ) {
    super(message);
    this.name = "ZipProblem";
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** Yield to the event loop after this many inflated bytes, so the page keeps painting during a scan. */
const YIELD_EVERY = 4 * 1024 * 1024;

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(at: number, n: number): boolean {
    return at >= 0 && n >= 0 && at + n <= this.bytes.length;
  }
  need(at: number, n: number, what: string): void {
    if (!this.has(at, n)) throw new ZipProblem("damaged", `${what} lies outside the file`);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const lo = this.view.getUint32(at, true);
    const hi = this.view.getUint32(at + 4, true);
    if (hi >= 0x200000) throw new ZipProblem("damaged", "a 64-bit size or offset is out of range");
    return hi * 0x100000000 + lo;
  }
  /** Last position of a 4-byte little-endian signature, searching backwards from `from`. */
  lastIndexOf(sig: number, from = this.bytes.length - 4): number {
    const b0 = sig & 0xff;
    for (let i = Math.min(from, this.bytes.length - 4); i >= 0; i--) {
      if (this.bytes[i] === b0 && this.u32(i) === sig) return i;
    }
    return -1;
  }
}

const utf8 = new TextDecoder("utf-8");

interface RawEntry extends ZipEntryInfo {
  dataStart: number;
}

/** Reads the zip's table of contents as JSZip does, refusing what JSZip would read differently. */
export function readDirectory(bytes: Uint8Array, limits: Pick<ZipLimits, "maxEntries">): RawEntry[] {
  const r = new Reader(bytes);
  const eocd = r.lastIndexOf(SIG_EOCD);
  if (eocd < 0) throw new ZipProblem("notZip", "no end of central directory");
  r.need(eocd, 22, "the end of central directory");
  const disk = r.u16(eocd + 4);
  const cdDisk = r.u16(eocd + 6);
  const entriesOnDisk = r.u16(eocd + 8);
  const entries = r.u16(eocd + 10);
  let cdSize = r.u32(eocd + 12);
  let cdOffset = r.u32(eocd + 16);
  let expectedEocd: number;
  const zip64 = disk === MAX16 || cdDisk === MAX16 || entriesOnDisk === MAX16 || entries === MAX16 || cdSize === MAX32 || cdOffset === MAX32;
  if (zip64) {
    const loc = r.lastIndexOf(SIG_ZIP64_LOCATOR);
    if (loc < 0) throw new ZipProblem("damaged", "no zip64 locator");
    r.need(loc, 20, "the zip64 locator");
    if (r.u32(loc + 16) > 1) throw new ZipProblem("unsupported", "a multi-volume zip");
    let rec = r.u64(loc + 8);
    if (!(r.has(rec, 4) && r.u32(rec) === SIG_ZIP64_EOCD)) rec = r.lastIndexOf(SIG_ZIP64_EOCD);
    if (rec < 0) throw new ZipProblem("damaged", "no zip64 end of central directory");
    r.need(rec, 56, "the zip64 end of central directory");
    const recSize = r.u64(rec + 4);
    cdSize = r.u64(rec + 40);
    cdOffset = r.u64(rec + 48);
    expectedEocd = cdOffset + cdSize + 20 + 12 + recSize;
  } else {
    expectedEocd = cdOffset + cdSize;
  }
  // JSZip shifts every offset when these differ (data prepended), or fails: either way not a plain .xlsx.
  if (expectedEocd !== eocd) throw new ZipProblem("damaged", "the central directory is not where the zip says");

  const out: RawEntry[] = [];
  let p = cdOffset;
  while (r.has(p, 4) && r.u32(p) === SIG_CENTRAL) {
    if (out.length >= limits.maxEntries) throw new ZipProblem("tooManyEntries", `more than ${limits.maxEntries} entries`, undefined, limits.maxEntries);
    r.need(p, 46, "a central directory entry");
    const flags = r.u16(p + 8);
    const method = r.u16(p + 10);
    let compressedSize = r.u32(p + 20);
    let declaredSize = r.u32(p + 24);
    const nameLen = r.u16(p + 28);
    const extraLen = r.u16(p + 30);
    const commentLen = r.u16(p + 32);
    let localOffset = r.u32(p + 42);
    r.need(p + 46, nameLen + extraLen + commentLen, "a central directory entry");
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    if (flags & 1) throw new ZipProblem("unsupported", "an encrypted entry", utf8.decode(nameBytes));
    // Extra fields, as JSZip reads them: the last field of an id wins.
    const extras = new Map<number, Uint8Array>();
    const extraStart = p + 46 + nameLen;
    const extraEnd = extraStart + extraLen;
    for (let q = extraStart; q + 4 < extraEnd;) {
      const id = r.u16(q);
      const len = r.u16(q + 2);
      r.need(q + 4, len, "an extra field");
      extras.set(id, bytes.subarray(q + 4, q + 4 + len));
      q += 4 + len;
    }
    const z = extras.get(0x0001);
    if (z) {
      const zr = new Reader(z);
      let q = 0;
      const next = () => {
        zr.need(q, 8, "a zip64 extra field");
        const v = zr.u64(q);
        q += 8;
        return v;
      };
      if (declaredSize === MAX32) declaredSize = next();
      if (compressedSize === MAX32) compressedSize = next();
      if (localOffset === MAX32) localOffset = next();
    }
    const otherNames: string[] = [];
    const upath = extras.get(0x7075);
    if (upath && upath.length > 5 && upath[0] === 1) otherNames.push(utf8.decode(upath.subarray(5)));

    r.need(localOffset, 30, "a local header");
    if (r.u32(localOffset) !== SIG_LOCAL) throw new ZipProblem("damaged", "a local header is missing");
    const localNameLen = r.u16(localOffset + 26);
    const localExtraLen = r.u16(localOffset + 28);
    r.need(localOffset + 30, localNameLen + localExtraLen, "a local header");
    otherNames.push(utf8.decode(bytes.subarray(localOffset + 30, localOffset + 30 + localNameLen)));
    const dataStart = localOffset + 30 + localNameLen + localExtraLen;
    r.need(dataStart, compressedSize, "an entry's data");
    const name = utf8.decode(nameBytes);
    if (method !== 0 && method !== 8) throw new ZipProblem("unsupported", `compression method ${method}`, name);
    if (method === 0 && compressedSize !== declaredSize) throw new ZipProblem("sizeMismatch", "a stored entry whose two sizes differ", name);
    out.push({ name, otherNames: otherNames.filter((n) => n !== name), method, compressedSize, declaredSize, dataStart });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const enum S {
  Text,
  Name,
  Attrs,
  Quoted,
  Skip,
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * Counts cell and row elements in XML bytes fed in chunks (any prefix: `<c`, `<x:c`). A cell is filled
 * unless its start tag closes itself (`<c r="A1" s="3"/>`). Markup that is not well formed can only make
 * the counts larger, never hide a cell: a `<` always starts a new tag.
 */
export class CellCounter {
  filled = 0;
  elements = 0;
  rows = 0;
  private state = S.Text;
  /** The local name read so far (up to 4 bytes are enough to tell c and row from the rest). */
  private local = "";
  private tooLong = false;
  private quote = 0;
  private lastNonSpace = 0;

  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x3c) {
        // '<' always starts a tag.
        this.state = S.Name;
        this.local = "";
        this.tooLong = false;
        continue;
      }
      switch (this.state) {
        case S.Text:
          break;
        case S.Name:
          if (isSpace(b) || b === 0x2f || b === 0x3e) {
            const name = this.tooLong ? "" : this.local;
            if (name === "c") {
              this.elements++;
              this.state = S.Attrs;
              this.lastNonSpace = 0;
              // Re-read this byte as part of the start tag ('/' or '>').
              i--;
            } else {
              if (name === "row") this.rows++;
              this.state = b === 0x3e ? S.Text : S.Skip;
            }
          } else if (b === 0x3a) {
            this.local = ""; // a prefix: the local name follows
            this.tooLong = false;
          } else if (this.local.length < 4) {
            this.local += String.fromCharCode(b);
          } else this.tooLong = true;
          break;
        case S.Attrs:
          if (b === 0x22 || b === 0x27) {
            this.quote = b;
            this.state = S.Quoted;
          } else if (b === 0x3e) {
            if (this.lastNonSpace !== 0x2f) this.filled++;
            this.state = S.Text;
          } else if (!isSpace(b)) this.lastNonSpace = b;
          break;
        case S.Quoted:
          if (b === this.quote) {
            this.state = S.Attrs;
            this.lastNonSpace = b;
          }
          break;
        case S.Skip:
          if (b === 0x3e) this.state = S.Text;
          break;
      }
    }
  }
}

/** A raw-deflate inflater: compressed bytes are written to `writable`, inflated chunks read from `readable`. */
export type Inflater = () => ReadableWritablePair<Uint8Array, Uint8Array>;

export const inflateRaw: Inflater = () => new DecompressionStream("deflate-raw") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;

/**
 * Compressed bytes are fed in pieces this small: an inflater may inflate a whole written piece before the
 * reader takes any of it (Chromium's does), and deflate expands at most about 1032:1, so at most about
 * 8 MB is ever held beyond what has been counted.
 */
const PIECE = 8 * 1024;

/**
 * Inflates `data` piece by piece, handing each inflated chunk to `take` (which throws to stop). Stopping
 * leaves the inflater unfed: nothing more is inflated, and it is dropped with its last piece's output
 * (cancelling it would race Node's web-stream adapter, which may still deliver output after a cancel).
 */
async function inflateInto(
  data: Uint8Array,
  inflater: ReadableWritablePair<Uint8Array, Uint8Array>,
  take: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  let stop = false;
  void (async () => {
    try {
      for (let at = 0; at < data.length; at += PIECE) {
        await writer.ready;
        if (stop) return;
        await writer.write(data.subarray(at, Math.min(data.length, at + PIECE)));
      }
      if (!stop) await writer.close();
    } catch {
      // The inflater failed on this data; the reader below reports it.
    }
  })();
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (x) {
        throw new ZipProblem("damaged", `an entry does not inflate (${x instanceof Error ? x.message : String(x)})`);
      }
      if (step.done) return;
      await take(step.value);
    }
  } finally {
    stop = true;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Scans the zip: reads its directory, inflates every entry while counting bytes, cells and rows, and throws a
 * ZipProblem at the first limit passed. Memory stays bounded: inflated chunks are counted and dropped.
 */
export async function scanZip(bytes: Uint8Array, limits: ZipLimits, inflate: Inflater = inflateRaw): Promise<ZipScan> {
  const entries = readDirectory(bytes, limits);
  // Counts of the entries already scanned; the entry being scanned adds its own counter's.
  const done = { filled: 0, elements: 0, rows: 0 };
  let total = 0;
  let sinceYield = 0;
  for (const e of entries) {
    const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    // A fresh tag state per entry: one entry's unfinished tag must not swallow the next entry's cells.
    const counter = new CellCounter();
    let size = 0;
    const take = async (chunk: Uint8Array) => {
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes)
        throw new ZipProblem("entryTooLarge", `an entry inflates to more than ${limits.maxEntryBytes} bytes`, e.name, limits.maxEntryBytes);
      if (total > limits.maxTotalBytes)
        throw new ZipProblem("tooLarge", `the entries inflate to more than ${limits.maxTotalBytes} bytes`, e.name, limits.maxTotalBytes);
      if (size > e.declaredSize) throw new ZipProblem("sizeMismatch", `inflates to more than the ${e.declaredSize} bytes it declares`, e.name);
      counter.feed(chunk);
      if (done.filled + counter.filled > limits.maxFilledCells)
        throw new ZipProblem("tooManyCells", `more than ${limits.maxFilledCells} filled cells`, e.name, limits.maxFilledCells);
      if (done.elements + counter.elements > limits.maxCellElements)
        throw new ZipProblem("tooManyCells", `more than ${limits.maxCellElements} cells`, e.name, limits.maxCellElements);
      if (done.rows + counter.rows > limits.maxRows) throw new ZipProblem("tooManyRows", `more than ${limits.maxRows} rows`, e.name, limits.maxRows);
      sinceYield += chunk.length;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    };
    if (e.method === 0) {
      for (let at = 0; at < data.length; at += 1 << 16) await take(data.subarray(at, Math.min(data.length, at + (1 << 16))));
    } else {
      try {
        await inflateInto(data, inflate(), take);
      } catch (x) {
        if (x instanceof ZipProblem && x.entry === undefined) throw new ZipProblem(x.code, x.message, e.name, x.limit);
        throw x;
      }
    }
    if (size !== e.declaredSize) throw new ZipProblem("sizeMismatch", `inflates to ${size} bytes, not the ${e.declaredSize} it declares`, e.name);
    done.filled += counter.filled;
    done.elements += counter.elements;
    done.rows += counter.rows;
  }
  return {
    entries: entries.map(({ dataStart: _, ...rest }) => rest),
    inflatedBytes: total,
    filledCells: done.filled,
    cellElements: done.elements,
    rows: done.rows,
  };
}
