/**
 * `npm run playground`: builds the browser playground (webpack.playground.config.js, production mode) into
 * dist-playground/ and serves it on the loopback interface, http://localhost:3001 (or the next free port),
 * printing the URL. The task pane runs there against an in-browser workbook; no Excel needed.
 *
 *   node scripts/playground.js [--no-build] [--port <n>] [--open]
 *
 * The server (scripts/static-server.js, shared with serve.js) is deliberately small and strict: 127.0.0.1
 * only, GET/HEAD only, files inside dist-playground/ only (no dotfiles, no symlinks out, no directory
 * listings). The e2e tests use the same server (createServer) on a random port.
 */
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { HOST, createStaticServer } = require("./static-server");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist-playground");
const DEFAULT_PORT = 3001;

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

/** A static file server for `root` (default dist-playground/). */
function createServer(root = DIST) {
  return createStaticServer(root, {
    // Hashed bundles may be cached; the page itself is always fresh so a rebuild shows at once.
    fileHeaders: (ext) => ({ "Cache-Control": ext === ".html" ? "no-store" : "public, max-age=31536000, immutable" }),
    dropFragment: true,
  });
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
    spawn(cmd, args, { stdio: "ignore", detached: true })
      .on("error", () => {})
      .unref();
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
