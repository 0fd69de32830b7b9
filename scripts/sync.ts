// `npm run sync -- --shop <domain>`: one sync pass for one shop from the command line
// (the same pass the cron runs: finish the backfill if needed, then fetch what changed
// since the watermarks). Uses the app's configuration (.env / environment) and the
// shop's stored offline session. Exit code 0 on success, 1 on failure, 2 on usage.
import { parseArgs } from "node:util";

const usage = "usage: npm run sync -- --shop <shop>.myshopify.com";

const { values } = parseArgs({ options: { shop: { type: "string" }, help: { type: "boolean" } }, strict: true });
if (values.help || !values.shop) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const shop = values.shop.includes(".") ? values.shop : `${values.shop}.myshopify.com`;

// An operator's command: production unless told otherwise (development would accept the
// embedded database and the simulator).
process.env.NODE_ENV ??= "production";
const { syncEngine } = await import("../app/shopify.server");
const { runShopPass } = await import("../app/sync/shop-sync");
const ctx = syncEngine();
const started = performance.now();
const outcome = await runShopPass(ctx, shop, { trigger: "cli" });
const ms = Math.round(performance.now() - started);
if (outcome.status === "skipped") {
  console.error(`sync of ${shop} skipped: ${outcome.reason}`);
  await ctx.prisma.$disconnect();
  process.exit(1);
}
for (const r of outcome.resources) {
  console.log(
    `${r.resource.padEnd(9)} ${r.kind.padEnd(11)} ${String(r.records).padStart(7)} records${r.error ? `  ERROR ${r.error}` : ""}`,
  );
}
console.log(`sync of ${shop} ${outcome.status} in ${ms} ms`);
await ctx.prisma.$disconnect();
process.exit(outcome.status === "succeeded" ? 0 : 1);
