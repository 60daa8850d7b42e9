/**
 * A sandbox on its own thread, as a vendor is on its own machine: the node under test and the sandbox no longer take
 * turns on one event loop, so requests in flight together are really served together. The benchmark talks to it over
 * HTTP like everyone else; resetting and counting go by message.
 */
import { join } from "node:path";
import { parentPort, Worker } from "node:worker_threads";

import type { TheNextInvoiceSandbox } from "../test/sandbox/thenextinvoice";

type Command =
  | { id: number; kind: "reset" }
  | { id: number; kind: "lastBody" }
  | { id: number; kind: "latency"; ms: number }
  | { id: number; kind: "count"; pattern: string }
  | { id: number; kind: "close" };

type DistributiveOmit<T, K extends keyof T> = T extends unknown
  ? Omit<T, K>
  : never;

export interface SandboxThread {
  baseUrl: string;
  apiToken: string;
  /** Empties the customer list and the request log. */
  reset(): Promise<void>;
  /** Holds every answer back `ms` (0: none), as a vendor on the internet is some milliseconds away. */
  latency(ms: number): Promise<void>;
  /** The raw body of the last request received. */
  lastBody(): Promise<string>;
  /** Requests received since the last reset whose "METHOD path" matches. */
  count(pattern: RegExp): Promise<number>;
  close(): Promise<void>;
}

export async function startTniSandboxThread(): Promise<SandboxThread> {
  const worker = new Worker(
    `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(__dirname, "..", "tsconfig.json"))} });
		 require(${JSON.stringify(__filename)});`,
    { eval: true, workerData: { sandboxThread: true } },
  );
  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  const ready = new Promise<{ baseUrl: string; apiToken: string }>(
    (resolve, reject) => {
      worker.once("error", reject);
      worker.on(
        "message",
        (message: {
          id?: number;
          ready?: { baseUrl: string; apiToken: string };
          value?: unknown;
        }) => {
          if (message.ready) resolve(message.ready);
          else if (message.id !== undefined)
            pending.get(message.id)?.(message.value);
        },
      );
    },
  );
  const ask = <T>(command: DistributiveOmit<Command, "id">) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (value: unknown) => void);
      worker.postMessage({ ...command, id });
    });
  const { baseUrl, apiToken } = await ready;
  return {
    baseUrl,
    apiToken,
    reset: async () => await ask({ kind: "reset" }),
    lastBody: async () => await ask({ kind: "lastBody" }),
    latency: async (ms) => await ask({ kind: "latency", ms }),
    count: async (pattern) =>
      await ask({ kind: "count", pattern: pattern.source }),
    close: async () => {
      await ask({ kind: "close" });
      await worker.terminate();
    },
  };
}

// Inside the worker: start the sandbox and answer commands.
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (require("node:worker_threads").workerData?.sandboxThread && parentPort) {
  const port = parentPort;
  void (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startTheNextInvoiceSandbox } =
      require("../test/sandbox/thenextinvoice") as typeof import("../test/sandbox/thenextinvoice");
    const sandbox: TheNextInvoiceSandbox = await startTheNextInvoiceSandbox();
    port.on("message", async (command: Command) => {
      if (command.kind === "reset") {
        sandbox.clearRequests();
        sandbox.state.customers.clear();
        port.postMessage({ id: command.id });
      } else if (command.kind === "latency") {
        sandbox.faults.clear();
        if (command.ms > 0)
          sandbox.faults.add({
            kind: "slow",
            delayMs: command.ms,
            times: Number.MAX_SAFE_INTEGER,
          });
        port.postMessage({ id: command.id });
      } else if (command.kind === "lastBody") {
        port.postMessage({
          id: command.id,
          value: sandbox.requests.at(-1)?.rawBody ?? "",
        });
      } else if (command.kind === "count") {
        const pattern = new RegExp(command.pattern);
        port.postMessage({
          id: command.id,
          value: sandbox.requests.filter((r) =>
            pattern.test(`${r.method} ${r.path}`),
          ).length,
        });
      } else {
        await sandbox.close();
        port.postMessage({ id: command.id });
      }
    });
    port.postMessage({
      ready: { baseUrl: sandbox.baseUrl, apiToken: sandbox.apiToken },
    });
  })();
}
