// Starts the production build of the app (built once per run by tests/global-setup.ts)
// in a child process on a free port, the way an operator runs it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import getPort from "get-port";
import { inject } from "vitest";
import { expectNoSecrets } from "./secret-scan";
import { TEST_APP } from "./test-app";

export interface RunningApp {
  url: string;
  /** Everything the process printed so far (for assertions about logs). */
  output(): string;
  /** SIGTERM, then (after 10 s) SIGKILL; then checks the output holds no secret (helpers/secret-scan). */
  stop(): Promise<void>;
  /** Send a signal (SIGKILL: a crash) and wait until the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const root = path.resolve(__dirname, "../..");

export function appEnv(port: number, overrides: Record<string, string | undefined> = {}) {
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "test",
    PORT: String(port),
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecret,
    SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
    SCOPES: TEST_APP.scopes,
    STOREPULSE_ENCRYPTION_KEY: TEST_APP.encryptionKey,
    DATABASE_URL: inject("databaseUrl"),
    HOST: "127.0.0.1",
  };
  return Object.fromEntries(
    Object.entries({ ...base, ...overrides }).filter(([, v]) => v !== undefined),
  ) as NodeJS.ProcessEnv;
}

function launch(env: NodeJS.ProcessEnv): ChildProcess {
  // The production server (server.mjs, what `npm start` runs) on the suite's build.
  return spawn(process.execPath, [path.join(root, "server.mjs"), path.join(inject("buildDir"), "server/index.js")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Start the app; resolves once GET /healthz answers 200. */
export async function startApp(
  overrides: Record<string, string | undefined> = {},
  options: { port?: number } = {},
): Promise<RunningApp> {
  const port = options.port ?? (await getPort({ host: "127.0.0.1" }));
  const child = launch(appEnv(port, overrides));
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 90_000;
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`app did not become healthy:\n${output}`);
    }
    ready = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(forced);
      }
      // Every suite's app output is scanned: secrets never appear in logs.
      expectNoSecrets(output);
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
  };
}

/** Run the app expecting it to refuse to start; resolves with exit code and output. */
export async function runAppExpectingExit(env: NodeJS.ProcessEnv) {
  const child = launch(env);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}
