/**
 * Serves the built add-in (dist/) on the loopback interface: `node scripts/serve.js [port]` (default 3000).
 *
 * For machines where `office-addin-debugging` cannot sideload (Linux). Uses https when a localhost
 * certificate from office-addin-dev-certs exists in ~/.office-addin-dev-certs, because Excel (desktop and
 * web) only loads add-ins over https; otherwise plain http, which a browser can open but Excel cannot.
 *
 * Deliberately small and strict: GET/HEAD only, files under dist/ only (no symlinks out, no dotfiles),
 * files up to 20 MB, bounded connections and timeouts.
 */
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "dist");
const HOST = "127.0.0.1";
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

function certificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  try {
    return { cert: fs.readFileSync(path.join(dir, "localhost.crt")), key: fs.readFileSync(path.join(dir, "localhost.key")) };
  } catch {
    return null;
  }
}

/** The file a URL path names inside ROOT, or null when it is outside, hidden or not a regular file. */
function resolveFile(urlPath, realRoot) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  if (rel.endsWith("/")) rel += "index.html";
  const segments = rel.split("/").filter(Boolean);
  if (segments.some((s) => s.startsWith(".") || s.includes("\\"))) return null;
  const candidate = path.join(realRoot, ...segments);
  let real;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
  const stat = fs.statSync(real);
  if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return null;
  return { file: real, size: stat.size };
}

function createServer(tls) {
  const realRoot = fs.realpathSync(ROOT);
  const handler = (req, res) => {
    // Office loads the add-in's pages from its own origin; the metadata is fetched cross-origin.
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Cache-Control", "no-store");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if ((req.url || "/").split("?")[0] === "/") {
      res.writeHead(302, { Location: "/taskpane.html" }).end();
      return;
    }
    const found = resolveFile(req.url || "/", realRoot);
    if (!found) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(found.file).toLowerCase()] || "application/octet-stream",
      "Content-Length": found.size,
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(found.file).on("error", () => res.destroy()).pipe(res);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  server.maxConnections = 64;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  return server;
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

module.exports = { createServer, resolveFile, ROOT };
