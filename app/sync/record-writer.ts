// The pull side's door to the push side's write path: GraphQL nodes → records
// (app/sync/mapping.ts) → set-based newer-wins upserts with rollups for the touched
// local days (app/sync/store.ts). One batch of one resource per call.
import type { PrismaClient } from "@prisma/client";
import { customerFromGraphql, orderFromGraphql, productFromGraphql } from "./mapping";
import type { CustomerRecord, OrderRecord, ProductRecord, SyncResource, WriteResult } from "./records";
import { upsertCustomers, upsertOrders, upsertProducts } from "./store";

export type AnyRecord = CustomerRecord | ProductRecord | OrderRecord;

const MAPPERS: Record<SyncResource, (node: unknown) => AnyRecord> = {
  customers: customerFromGraphql,
  products: productFromGraphql,
  orders: orderFromGraphql,
};

/** Map a batch; a node that cannot be read is reported, not written (the rest go on). */
export function mapGraphqlNodes(resource: SyncResource, nodes: unknown[]): { records: AnyRecord[]; failures: string[] } {
  const records: AnyRecord[] = [];
  const failures: string[] = [];
  for (const node of nodes) {
    try {
      records.push(MAPPERS[resource](node));
    } catch (error) {
      const id = node && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
      failures.push(`${String(id ?? "?")}: ${(error as Error).message}`);
    }
  }
  return { records, failures };
}

export async function writeRecords(
  prisma: PrismaClient,
  shopId: number,
  resource: SyncResource,
  records: AnyRecord[],
  options: { source: "backfill" | "incremental" },
): Promise<WriteResult> {
  if (records.length === 0) return { applied: 0, stale: 0 };
  switch (resource) {
    case "customers":
      return upsertCustomers(prisma, shopId, records as CustomerRecord[]);
    case "products":
      return upsertProducts(prisma, shopId, records as ProductRecord[]);
    case "orders":
      // A backfill recomputes the rollups once at the end (finishOrderBackfill), not per batch.
      return upsertOrders(prisma, shopId, records as OrderRecord[], { rollups: options.source === "backfill" ? "defer" : "now" });
  }
}
