/**
 * The fuzz worker: runs tasks `from`…end of the plan (skipping the ones that hung or crashed before) and
 * reports tallies in chunks. Before each task it writes the task index and start time to shared memory, so
 * the main thread can tell which task hangs and terminate the worker (a synchronous call cannot be
 * interrupted from inside). Loaded through tsx by runner.ts; not a test file.
 */
import { parentPort, workerData } from "node:worker_threads";
import { FUNCTIONS } from "../../src/functions/registry";
import { Tally, WorkerInput, WorkerMessage } from "./report";
import { makePlan, makeTask, runTask, showTask } from "./tasks";

function main(): void {
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const ctrl = new Int32Array(input.shared, 0, 2);
  const started = new Float64Array(input.shared, 8, 1);
  const plan = makePlan(FUNCTIONS, input.plan);
  const post = (m: WorkerMessage) => port.postMessage(m);
  const huge = plan.fixed.filter((f) => f.kind === "tallWorld" || f.kind === "actorWorld" || f.kind === "wholeColumn").length;
  post({ type: "hello", functions: plan.functions.map((f) => f.id), total: plan.total, fixed: plan.fixed.length, huge });
  for (const index of input.describe) {
    const task = makeTask(plan, index);
    post({ type: "described", index, fn: task.entry.id, engine: task.kind === "engine", input: showTask(task) });
  }
  const skip = new Set(input.skip);
  let tally = new Tally();
  let lastFlush = Date.now();
  let pending = 0;
  const flush = (upTo: number) => {
    post({ type: "chunk", upTo, tally: tally.data() });
    tally = new Tally();
    lastFlush = Date.now();
    pending = 0;
  };
  for (let k = input.from; k < plan.total; k++) {
    if (skip.has(k)) continue;
    ctrl[0] = k;
    started[0] = Date.now();
    Atomics.store(ctrl, 1, 1);
    const r = runTask(plan, k, input.hangMs);
    Atomics.store(ctrl, 1, 0);
    tally.addCall(r.fn, r.engine, r.returned, r.ms, r.findings, r.errorId);
    pending++;
    // flush often enough that a kill repeats little work, and right after an expensive task
    if (pending >= 200 || r.ms > 100 || Date.now() - lastFlush > 250) flush(k + 1);
  }
  flush(plan.total);
  post({ type: "done" });
}

main();
