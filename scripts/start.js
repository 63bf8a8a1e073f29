/**
 * `npm start`: run the add-in where this machine allows it.
 *
 * - Windows / Mac: `office-addin-debugging start manifest.xml`, as in Microsoft's templates: starts the dev
 *   server (https://localhost:3000, trusted certificate via office-addin-dev-certs) and sideloads the
 *   add-in into desktop Excel. Extra arguments pass through (e.g. `npm start -- web --document <url>`).
 * - Elsewhere (Linux): desktop Excel does not exist here, so nothing can be sideloaded. We say so, then
 *   run the browser playground (`npm run playground`) when the project has one; with `--addin`, or
 *   without a playground, we build the add-in and serve dist/ on port 3000 with instructions for
 *   loading manifest.xml into Excel on the web.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(cmd, args) {
  // Windows runs .cmd files only through a shell, which splits an unquoted path at its spaces.
  const shell = process.platform === "win32";
  const r = spawnSync(shell ? `"${cmd}"` : cmd, args, { cwd: ROOT, stdio: "inherit", shell });
  if (r.error) throw r.error;
  return r.status === null ? 1 : r.status;
}

function desktop(args) {
  const bin = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  return run(bin, ["start", "manifest.xml", ...args]);
}

function sideloadHelp() {
  return [
    "",
    "To use the add-in in Excel on the web, in a browser on this machine (the server listens on localhost only):",
    "  1. Excel needs https with a certificate your browser trusts:",
    "       npx office-addin-dev-certs install      creates ~/.office-addin-dev-certs and trusts its CA (uses sudo on Linux);",
    "                                               if your browser keeps its own certificate store, import ca.crt there too.",
    "     Then serve over https: `npm run dev-server` (live rebuilds), or this command again (it serves dist/ over https",
    "     when the certificate exists).",
    "  2. Open https://localhost:3000/taskpane.html once in the same browser: it should load without a certificate warning.",
    "  3. In Excel on the web, open a workbook, open the Office Add-ins dialog (Home > Add-ins > More Add-ins, or",
    "     Insert > Office Add-ins, depending on the Excel version), choose Upload My Add-in and pick manifest.xml",
    "     from this folder (or dist/manifest.xml: the same file).",
    "  4. The SOCINV functions are then available (e.g. =SOCINV.NPV(0,035;B2:K2) in Swedish Excel) and the",
    '     "Open SOCINV" button on the Home tab opens the task pane.',
    "",
  ].join("\n");
}

function linux(args) {
  console.log(
    [
      `This is ${process.platform}: desktop Excel does not run here, so \`npm start\` cannot sideload the add-in`,
      "into Excel the way it does on Windows and Mac (office-addin-debugging).",
    ].join("\n"),
  );
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts || {};
  if (scripts.playground && !args.includes("--addin")) {
    console.log(
      "Starting the browser playground instead (`npm run playground`).\n" +
        "To build and serve the add-in itself for Excel on the web, run `npm start -- --addin`.\n",
    );
    // Pass the user's options (--open, --port N, --no-build) on to the playground.
    const passOn = args.filter((a) => a !== "--addin");
    return run(npm, ["run", "playground", ...(passOn.length ? ["--", ...passOn] : [])]);
  }
  console.log("Building the add-in and serving dist/ instead.\n");
  const built = run(npm, ["run", "build"]);
  if (built !== 0) return built;
  console.log(sideloadHelp());
  return run(process.execPath, [path.join(__dirname, "serve.js")]);
}

function main() {
  const args = process.argv.slice(2);
  const status = process.platform === "win32" || process.platform === "darwin" ? desktop(args) : linux(args);
  process.exit(status);
}

main();
