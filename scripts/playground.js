/**
 * `npm run playground`: builds the browser playground (webpack.playground.config.js, production mode) into
 * dist-playground/ and serves it on the loopback interface, http://localhost:3001 (or the next free port),
 * printing the URL. The task pane runs there against an in-browser workbook; no Excel needed.
 *
 *   node scripts/playground.js [--no-build] [--port <n>] [--open]
 *
 * The server is deliberately small and strict: 127.0.0.1 only, GET/HEAD only, files inside
 * dist-playground/ only (no dotfiles, no symlinks out, no directory listings). The e2e tests use the same
 * server (createServer) on a random port.
 */
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist-playground");
const HOST = "127.0.0.1";
const DEFAULT_PORT = 3001;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Runs the production build; returns the exit status. */
function build({ quiet = false } = {}) {
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const r = spawnSync(process.execPath, [webpack, "--config", "webpack.playground.config.js", "--mode", "production"], {
    cwd: ROOT,
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (r.error) throw r.error;
  if (r.status !== 0 && quiet) process.stderr.write(`${r.stdout || ""}${r.stderr || ""}`);
  return r.status === null ? 1 : r.status;
}

/** The file a URL path names inside root, or null when it is outside, hidden or not a regular file. */
function resolveFile(urlPath, realRoot) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  if (rel.endsWith("/")) rel += "index.html";
  const segments = rel.split("/").filter(Boolean);
  if (segments.some((s) => s.startsWith(".") || s.includes("\\"))) return null;
  let real;
  try {
    real = fs.realpathSync(path.join(realRoot, ...segments));
  } catch {
    return null;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
  const stat = fs.statSync(real);
  return stat.isFile() ? { file: real, size: stat.size } : null;
}

/** A static file server for `root` (default dist-playground/). */
function createServer(root = DIST) {
  const realRoot = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const found = resolveFile(req.url || "/", realRoot);
    if (!found) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    const ext = path.extname(found.file).toLowerCase();
    res.writeHead(200, {
      "Content-Type": TYPES[ext] || "application/octet-stream",
      "Content-Length": found.size,
      "X-Content-Type-Options": "nosniff",
      // Hashed bundles may be cached; the page itself is always fresh so a rebuild shows at once.
      "Cache-Control": ext === ".html" ? "no-store" : "public, max-age=31536000, immutable",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    fs.createReadStream(found.file).on("error", () => res.destroy()).pipe(res);
  });
  server.requestTimeout = 30000;
  server.headersTimeout = 10000;
  server.maxConnections = 64;
  return server;
}

/** Listens on 127.0.0.1: `port` or the next free one (up to 20 tries); port 0 means any free port. */
function listen(server, port = DEFAULT_PORT) {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const attempt = (p) => {
      const onError = (e) => {
        server.off("listening", onListening);
        if (e.code === "EADDRINUSE" && p !== 0 && ++tries < 20) attempt(p + 1);
        else reject(e);
      };
      const onListening = () => {
        server.off("error", onError);
        resolve(server.address().port);
      };
      server.once("error", onError);
      server.once("listening", onListening);
      server.listen(p, HOST);
    };
    attempt(port);
  });
}

function openBrowser(url) {
  const cmd = process.platform === "win32" ? "cmd" : process.platform === "darwin" ? "open" : "xdg-open";
  const args = process.platform === "win32" ? ["/c", "start", "", url] : [url];
  try {
    spawn(cmd, args, { stdio: "ignore", detached: true }).on("error", () => {}).unref();
  } catch {
    // Opening a browser is a convenience; the printed URL is what counts.
  }
}

async function main(argv) {
  const noBuild = argv.includes("--no-build");
  const portArg = argv.indexOf("--port");
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.PLAYGROUND_PORT) || DEFAULT_PORT;
  if (!noBuild) {
    console.log("Building the playground (webpack.playground.config.js, production)…");
    const status = build();
    if (status !== 0) return status;
  }
  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    console.error("dist-playground/index.html is missing: run `npm run playground:build` first.");
    return 1;
  }
  const server = createServer(DIST);
  const actual = await listen(server, port);
  const url = `http://localhost:${actual}/`;
  console.log(`\nSOCINV playground: ${url}`);
  console.log("Serving dist-playground/ on this computer only (127.0.0.1). Press Ctrl+C to stop.\n");
  if (argv.includes("--open")) openBrowser(url);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return null;
}

module.exports = { build, createServer, listen, DIST, DEFAULT_PORT };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (status) => {
      if (status !== null) process.exit(status);
    },
    (e) => {
      console.error(e.message || e);
      process.exit(1);
    },
  );
}
