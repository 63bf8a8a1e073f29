/**
 * The playground's static server (scripts/playground.js): loopback only, files of its folder only, GET and
 * HEAD only, and the next free port when 3001 is taken.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo, Server } from "node:net";
import os from "node:os";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createServer, listen } = require("../../scripts/playground.js") as {
  createServer: (root: string) => Server;
  listen: (server: Server, port: number) => Promise<number>;
};

function request(port: number, urlPath: string, method = "GET"): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    // A raw path, so "../" reaches the server as typed instead of being normalised by a URL parser.
    const req = http.request({ host: "127.0.0.1", port, path: urlPath, method }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("playground server", () => {
  let dir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-serve-"));
    const root = path.join(dir, "dist-playground");
    fs.mkdirSync(path.join(root, "sub"), { recursive: true });
    fs.writeFileSync(path.join(root, "index.html"), "<!doctype html><title>pg</title>");
    fs.writeFileSync(path.join(root, "app.js"), "console.log(1)");
    fs.writeFileSync(path.join(root, ".secret"), "hidden");
    fs.writeFileSync(path.join(dir, "outside.txt"), "outside");
    fs.symlinkSync(path.join(dir, "outside.txt"), path.join(root, "sub", "link.txt"));
    server = createServer(root);
    port = await listen(server, 0);
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("serves the folder's files with their types, on 127.0.0.1 only", async () => {
    expect((server.address() as AddressInfo).address).toBe("127.0.0.1");
    const index = await request(port, "/");
    expect(index.status).toBe(200);
    expect(index.type).toBe("text/html; charset=utf-8");
    expect(index.body).toContain("<title>pg</title>");
    expect((await request(port, "/app.js?v=1")).type).toBe("text/javascript; charset=utf-8");
    expect((await request(port, "/app.js", "HEAD")).body).toBe("");
  });

  test.each(["/../outside.txt", "/%2e%2e/outside.txt", "/sub/link.txt", "/.secret", "/sub/", "/nope.js", "/%00", "/..%5coutside.txt"])(
    "refuses %s",
    async (p) => {
      expect((await request(port, p)).status).toBe(404);
    },
  );

  test("only GET and HEAD", async () => {
    expect((await request(port, "/", "POST")).status).toBe(405);
    expect((await request(port, "/", "PUT")).status).toBe(405);
  });

  test("takes the next port when one is in use", async () => {
    const other = createServer(path.join(dir, "dist-playground"));
    const got = await listen(other, port);
    expect(got).toBeGreaterThan(port);
    await new Promise((r) => other.close(r));
  });
});
