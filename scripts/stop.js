/**
 * `npm stop`: undo `npm start`. On Windows and Mac, `office-addin-debugging stop manifest.xml` stops the dev
 * server and removes the sideloaded add-in from Excel. Elsewhere `npm start` sideloaded nothing and its
 * server runs in the foreground, so there is nothing to undo here.
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

if (process.platform === "win32" || process.platform === "darwin") {
  const bin = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const shell = process.platform === "win32"; // .cmd needs a shell there; quote the path for its spaces
  const r = spawnSync(shell ? `"${bin}"` : bin, ["stop", "manifest.xml", ...process.argv.slice(2)], { cwd: ROOT, stdio: "inherit", shell });
  process.exit(r.error ? 1 : (r.status ?? 1));
} else {
  console.log(
    [
      `Nothing to stop on ${process.platform}: \`npm start\` does not sideload into Excel here, and the server or`,
      "playground it started runs in the foreground of its terminal: stop it there with Ctrl+C.",
      "If you uploaded manifest.xml to Excel on the web, remove it under Add-ins > My Add-ins (⋯ > Remove).",
    ].join("\n"),
  );
}
