// Shared helpers for the simulator's conformance tests: start a simulator on a
// free port and talk to it with Shopify's own client, mapping https://{shop}
// to the simulator's origin exactly as an app would.
import { createAdminApiClient, type AdminApiClient, type ClientResponse } from "@shopify/admin-api-client";
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from "../src/index.js";

export const API_VERSION = "2026-10";
export const FIXED_ANCHOR = Date.UTC(2026, 10, 1); // generated history ends 2026-11-01

export async function startTestSimulator(opts: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({
    appToml: false,
    app: { apiKey: "test-key", apiSecret: "test-secret", appUrl: "http://127.0.0.1:9" },
    ...opts,
  });
}

/** fetch that sends https://{shop}/... to the simulator, keeping path and query. */
export function originMappingFetch(simUrl: string): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    const mapped = url.replace(/^https:\/\/[^/]+/, simUrl);
    return fetch(mapped, init);
  }) as typeof fetch;
}

export function adminClient(sim: RunningSimulator, shop: string, accessToken: string): AdminApiClient {
  return createAdminApiClient({
    storeDomain: shop,
    apiVersion: API_VERSION,
    accessToken,
    customFetchApi: originMappingFetch(sim.url),
  });
}

/** Page through a top-level connection with the admin client; returns every node. */
export async function pageAll<T>(
  client: AdminApiClient,
  field: string,
  selection: string,
  extraArgs = "",
  pageSize = 100,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const query = `query Page($after: String) { ${field}(first: ${pageSize}, after: $after${extraArgs ? `, ${extraArgs}` : ""}) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`;
    const res: ClientResponse<Record<string, unknown>> = await client.request(query, { variables: { after } });
    const throttled = res.errors?.graphQLErrors?.some(
      (e: { extensions?: { code?: string } }) => e.extensions?.code === "THROTTLED",
    );
    if (throttled) {
      // Like a well-behaved app: wait until the bucket can pay, as reported by the API.
      const cost = (
        res.extensions as {
          cost: { requestedQueryCost: number; throttleStatus: { currentlyAvailable: number; restoreRate: number } };
        }
      ).cost;
      const waitMs =
        ((cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable) / cost.throttleStatus.restoreRate) * 1000;
      await new Promise((r) => setTimeout(r, Math.max(10, waitMs)));
      continue;
    }
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const conn: { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
      res.data as Record<string, { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>
    )[field]!;
    out.push(...conn.nodes);
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

/** Wait until `check` returns a value (not a fixed sleep: polls a condition with a deadline). */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Decimal string → integer cents, for independent money arithmetic in tests. */
export function cents(amount: string): number {
  const neg = amount.startsWith("-");
  const [whole, frac = ""] = amount.replace("-", "").split(".");
  const c = Number(whole) * 100 + Number((frac + "00").slice(0, 2));
  return neg ? -c : c;
}

export function money(c: number): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  return `${neg ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Integer cents → Shopify's GraphQL Decimal form ("55.0", "7.25", "0.0"), written independently of the simulator. */
export function decimal(c: number): string {
  const two = money(c);
  return two.endsWith("0") ? two.slice(0, -1) : two;
}
