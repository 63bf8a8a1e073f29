/**
 * Serves the built add-in (dist/) on the loopback interface: `node scripts/serve.js [port]` (default 3000).
 *
 * For machines where `office-addin-debugging` cannot sideload (Linux). Uses https when a localhost
 * certificate from office-addin-dev-certs exists in ~/.office-addin-dev-certs, because Excel (desktop and
 * web) only loads add-ins over https; otherwise plain http, which a browser can open but Excel cannot.
 *
 * Deliberately small and strict (scripts/static-server.js): GET/HEAD only, files under dist/ only (no
 * symlinks out, no dotfiles), files up to 20 MB, bounded connections and timeouts.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { HOST, createStaticServer } = require("./static-server");

const ROOT = path.resolve(__dirname, "..", "dist");
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function certificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  try {
    return { cert: fs.readFileSync(path.join(dir, "localhost.crt")), key: fs.readFileSync(path.join(dir, "localhost.key")) };
  } catch {
    return null;
  }
}

function createServer(tls) {
  return createStaticServer(ROOT, {
    tls,
    // Office loads the add-in's pages from its own origin; the metadata is fetched cross-origin.
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" },
    rootRedirect: "/taskpane.html",
    maxFileBytes: MAX_FILE_BYTES,
  });
}

function main() {
  const port = Number(process.argv[2] || process.env.PORT || 3000);
  if (!fs.existsSync(path.join(ROOT, "taskpane.html"))) {
    console.error("dist/ has no build. Run `npm run build` first.");
    process.exit(1);
  }
  const tls = certificates();
  const server = createServer(tls);
  server.on("error", (e) => {
    console.error(e.code === "EADDRINUSE" ? `Port ${port} is in use (is \`npm run dev-server\` already running?).` : e.message);
    process.exit(1);
  });
  server.listen(port, HOST, () => {
    const base = `${tls ? "https" : "http"}://localhost:${port}`;
    console.log(`Serving dist/ at ${base}/  (task pane: ${base}/taskpane.html, metadata: ${base}/functions.json)`);
    if (!tls) {
      console.log(
        "This is plain http: fine for looking at the files in a browser, but Excel will not load the add-in from it.\n" +
          "For Excel, create a trusted localhost certificate with `npx office-addin-dev-certs install` and run again\n" +
          "(or use `npm run dev-server`, which serves https once the certificate exists).",
      );
    }
    console.log("Stop with Ctrl+C.");
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) main();

module.exports = { createServer, ROOT };
