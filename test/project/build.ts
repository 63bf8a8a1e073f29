/**
 * The production build the project tests inspect. `npm test` builds before jest runs; when a test file runs
 * alone (`npx jest test/project`) and dist/ is missing, stale or a development build, it builds here.
 * Jest runs test files in parallel processes, so a lock keeps two of them from building into dist/ at once.
 */
import { execSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const BUILD_TIMEOUT_MS = 10 * 60_000;

/** What the production build reads; a change to any of them makes dist/ stale. */
const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "webpack.common.js", "tools/localize-metadata.js", "package.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

export function distFiles(dir = DIST): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? distFiles(p) : [p];
  });
}

function isFreshProductionBuild(): boolean {
  const stamp = path.join(DIST, "functions.sv-SE.json");
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(DIST, "taskpane.html"))) return false;
  // The development build writes source maps; the production build does not.
  if (distFiles().some((f) => f.endsWith(".map"))) return false;
  const built = fs.statSync(stamp).mtimeMs;
  return INPUTS.every((p) => newestMtime(path.join(ROOT, p)) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(body: () => void): void {
  const id = crypto.createHash("sha1").update(ROOT).digest("hex").slice(0, 12);
  const lock = path.join(os.tmpdir(), `socinv-build-${id}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // A lock older than a build can take was left by a killed run.
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > BUILD_TIMEOUT_MS) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another test's build (lock ${lock})`);
      sleep(250);
    }
  }
  try {
    body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export function ensureProductionBuild(): void {
  if (isFreshProductionBuild()) return;
  withLock(() => {
    if (isFreshProductionBuild()) return;
    try {
      execSync("npx webpack --mode production", { cwd: ROOT, stdio: "pipe", timeout: BUILD_TIMEOUT_MS, env: { ...process.env, CI: "true" } });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
      const out = `${err.stdout?.toString() ?? ""}\n${err.stderr?.toString() ?? ""}`.trim().slice(-4000);
      throw new Error(`npm run build failed:\n${out || err.message}`);
    }
  });
}
