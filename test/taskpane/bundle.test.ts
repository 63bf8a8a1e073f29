/**
 * The Excel bundle's entry (src/taskpane/index.tsx) must stay free of GPL code: no HyperFormula, nothing
 * from src/engine. Checked on what a bundler actually pulls in, not on import lines alone.
 */
import * as path from "node:path";
import { build } from "esbuild";

test("the task pane bundle contains neither HyperFormula nor src/engine, and does include the pane and the Excel host", async () => {
  const out = await build({
    entryPoints: [path.resolve(__dirname, "../../src/taskpane/index.tsx")],
    bundle: true,
    write: false,
    metafile: true,
    format: "iife",
    jsx: "automatic",
    logLevel: "silent",
  });
  const inputs = Object.keys(out.metafile!.inputs);
  expect(inputs.filter((i) => /hyperformula|src\/engine\//i.test(i))).toEqual([]);
  expect(inputs.some((i) => i.endsWith("src/host/office.ts"))).toBe(true);
  expect(inputs.some((i) => i.endsWith("src/taskpane/App.tsx"))).toBe(true);
  expect(inputs.some((i) => i.includes("playground"))).toBe(false);
});
