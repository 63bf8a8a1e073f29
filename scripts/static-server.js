/**
 * The static file server behind scripts/serve.js (the add-in in dist/) and scripts/playground.js (the
 * playground in dist-playground/), so the path checks exist once.
 *
 * Deliberately small and strict: GET/HEAD only, files inside the root only (no dotfiles, no symlinks out,
 * no directory listings), bounded connections and timeouts. Both callers listen on HOST (127.0.0.1) only.
 */
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");

const HOST = "127.0.0.1";
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

/**
 * The file a URL path names inside realRoot, or null when it is outside, hidden, not a regular file or
 * bigger than `maxFileBytes`. With `dropFragment`, a "#…" in the request target is not part of the path.
 */
function resolveFile(urlPath, realRoot, { maxFileBytes = Infinity, dropFragment = false } = {}) {
  let rel;
  try {
    const beforeQuery = urlPath.split("?")[0];
    rel = decodeURIComponent(dropFragment ? beforeQuery.split("#")[0] : beforeQuery);
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
  if (!stat.isFile() || stat.size > maxFileBytes) return null;
  return { file: real, size: stat.size };
}

/**
 * A static file server for `root` (not yet listening).
 *   tls            https options ({cert, key}); plain http without
 *   headers        set on every response, refusals included
 *   fileHeaders    (ext) => extra headers for a file served
 *   rootRedirect   where "/" redirects to; without it "/" is the root's index.html
 *   maxFileBytes, dropFragment: see resolveFile
 */
function createStaticServer(root, { tls = null, headers = {}, fileHeaders = () => ({}), rootRedirect = null, maxFileBytes, dropFragment } = {}) {
  const realRoot = fs.realpathSync(root);
  const handler = (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (rootRedirect && (req.url || "/").split("?")[0] === "/") {
      res.writeHead(302, { Location: rootRedirect }).end();
      return;
    }
    const found = resolveFile(req.url || "/", realRoot, { maxFileBytes, dropFragment });
    if (!found) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    const ext = path.extname(found.file).toLowerCase();
    res.writeHead(200, {
      "Content-Type": TYPES[ext] || "application/octet-stream",
      "Content-Length": found.size,
      "X-Content-Type-Options": "nosniff",
      ...fileHeaders(ext),
    });
    if (req.method === "HEAD") res.end();
    else
      fs.createReadStream(found.file)
        .on("error", () => res.destroy())
        .pipe(res);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  server.maxConnections = 64;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

module.exports = { createStaticServer, resolveFile, HOST, TYPES };
