/**
 * Runs a fuzz plan in a worker thread and watches it: a task that does not answer within the hard limit
 * (or takes the worker down, e.g. out of memory) is recorded as "killed" or "crash" with its arguments,
 * and a new worker carries on after it. This keeps both `npm test` and `npm run fuzz` bounded even when a
 * function loops for minutes. The main thread loads nothing from src/.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { Finding, FindingClass, PlanOptions, Report, Tally, WorkerInput, WorkerMessage } from "./report";

export interface RunOptions extends PlanOptions {
  /** A call slower than this is a hang (it is still waited for up to killMs). */
  hangMs: number;
  /** A call still running after this is killed (the worker is terminated and replaced). */
  killMs: number;
  /** Heap of the worker, so that a runaway allocation kills the worker and not the run. */
  memoryMb?: number;
  /** Most worker restarts before the run gives up on the rest. */
  maxRestarts?: number;
  progress?: (text: string) => void;
}

const WORKER_FILE = path.join(__dirname, "worker.ts");

export function runFuzz(options: RunOptions): Promise<Report> {
  const plan: PlanOptions = {
    seed: options.seed,
    calls: options.calls,
    engineCalls: options.engineCalls,
    huge: options.huge,
    hugeAll: options.hugeAll,
    only: options.only,
  };
  const tsx = require.resolve("tsx/cjs/api");
  const tally = new Tally();
  const t0 = Date.now();
  const skip: number[] = [];
  /** Tasks that hung or crashed, waiting for the next worker to describe them. */
  const pending = new Map<number, { cls: FindingClass; detail: string; ms: number }>();
  let functions: string[] = [];
  let total = 0;
  let fixed = 0;
  let huge = 0;
  let restarts = 0;

  return new Promise<Report>((resolve, reject) => {
    const finish = () =>
      resolve({
        ...tally.data(),
        options: { ...plan, hangMs: options.hangMs, killMs: options.killMs },
        functions,
        tasks: total,
        fixedTasks: fixed,
        hugeTasks: huge,
        wallMs: Date.now() - t0,
        restarts,
      });

    const start = (from: number, describe: number[]) => {
      const shared = new SharedArrayBuffer(16);
      const ctrl = new Int32Array(shared, 0, 2);
      const started = new Float64Array(shared, 8, 1);
      const input: WorkerInput = { plan, hangMs: options.hangMs, from, skip: skip.slice(), describe, shared };
      const worker = new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(WORKER_FILE)});`, {
        eval: true,
        workerData: input,
        // the main thread's stack (about 1 MB, as in Excel's JavaScript runtime), not a worker's default 4 MB,
        // so that deep recursion or a spread of 130,000 arguments overflows here as it would there
        resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 3072, stackSizeMb: 1 },
      });
      let flushedUpTo = from;
      let ended = false;
      let lastProgress = 0;

      /** The worker is gone while task ctrl[0] may have been running: record it and carry on after it. */
      const replace = (cls: FindingClass, why: string) => {
        if (ended) return;
        ended = true;
        clearInterval(watchdog);
        const running = Atomics.load(ctrl, 1) === 1;
        const index = ctrl[0];
        void worker.terminate();
        if (!running) {
          reject(new Error(`fuzz worker failed outside a task (after task ${index}): ${why}`));
          return;
        }
        pending.set(index, { cls, detail: why, ms: Date.now() - started[0] });
        skip.push(index);
        if (++restarts > (options.maxRestarts ?? 40)) {
          reject(new Error(`fuzz: more than ${options.maxRestarts ?? 40} worker restarts; last at task ${index}: ${why}`));
          return;
        }
        start(flushedUpTo, [index]);
      };

      const watchdog = setInterval(() => {
        if (Atomics.load(ctrl, 1) === 1 && Date.now() - started[0] > options.killMs) {
          replace("killed", `no answer after ${options.killMs} ms: the worker was terminated`);
        }
      }, 25);

      worker.on("message", (m: WorkerMessage) => {
        if (m.type === "hello") {
          functions = m.functions;
          total = m.total;
          fixed = m.fixed;
          huge = m.huge;
        } else if (m.type === "described") {
          const p = pending.get(m.index);
          if (p) {
            pending.delete(m.index);
            const finding: Finding = { cls: p.cls, fn: m.engine ? `${m.fn} (engine)` : m.fn, index: m.index, input: m.input, detail: p.detail, ms: p.ms };
            tally.addCall(m.fn, m.engine, false, p.ms, [finding]);
          }
        } else if (m.type === "chunk") {
          tally.merge(m.tally);
          flushedUpTo = m.upTo;
          if (options.progress && Date.now() - lastProgress > 2000) {
            lastProgress = Date.now();
            options.progress(`  … ${m.upTo.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} tasks, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
          }
        } else if (m.type === "done") {
          ended = true;
          clearInterval(watchdog);
          void worker.terminate().then(finish);
        }
      });
      worker.on("error", (e: Error & { code?: string }) => replace("crash", `the worker died: ${e.code ?? e.name}: ${e.message}`.slice(0, 300)));
      worker.on("exit", (code) => replace("crash", `the worker exited with code ${code}`));
    };

    start(0, []);
  });
}
