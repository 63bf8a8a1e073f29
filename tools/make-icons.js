/**
 * Draws the add-in icons (assets/icon-<size>.png) from a few geometric shapes, so they can be regenerated
 * without an image editor: `node tools/make-icons.js`. The PNGs are committed; the build only copies them.
 *
 * The picture: a green rounded square with three rising white bars (costs early, gains later).
 * Each pixel is supersampled 4×4 so the small sizes stay smooth.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;
const BACKGROUND = [0x1b, 0x6f, 0x5c];
const BARS = [
  // [left, right, top] in units of the icon's width; all bars stand on the same baseline.
  [0.2, 0.34, 0.58],
  [0.43, 0.57, 0.42],
  [0.66, 0.8, 0.24],
];
const BASELINE = 0.78;

// Own CRC-32 table: zlib.crc32 only exists from Node 20.15/22.2, and engines allows any Node 20.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function insideRoundedSquare(x, y) {
  const margin = 0.04;
  const r = 0.2;
  if (x < margin || x > 1 - margin || y < margin || y > 1 - margin) return false;
  const cx = Math.min(Math.max(x, margin + r), 1 - margin - r);
  const cy = Math.min(Math.max(y, margin + r), 1 - margin - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideBar(x, y) {
  return BARS.some(([left, right, top]) => x >= left && x <= right && y >= top && y <= BASELINE);
}

/** RGBA pixels, premultiplied coverage turned into straight alpha. */
function draw(size) {
  const rows = [];
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // first byte: PNG filter type 0 (none)
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let bar = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (insideBar(x, y)) bar++;
          else bg++;
        }
      }
      const covered = bg + bar;
      const o = 1 + px * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round((BACKGROUND[c] * bg + 255 * bar) / covered);
      row[o + 3] = Math.round((255 * covered) / (n * n));
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

function png(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(draw(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, png(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { png, SIZES };
