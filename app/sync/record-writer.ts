// The pull side's door to the push side's write path: GraphQL nodes → records
// (app/sync/mapping.ts) → set-based newer-wins upserts with rollups for the touched
// local days (app/sync/store.ts). One batch of one resource per call.
import type { Prisma, PrismaClient } from "@prisma/client";
import {
  customerFromGraphql,
  lineItemFromGraphql,
  orderFromGraphql,
  parseShopifyId,
  productFromGraphql,
  variantFromGraphql,
} from "./mapping";
import type {
  CustomerRecord,
  OrderLineItemRecord,
  OrderRecord,
  ProductRecord,
  ProductVariantRecord,
  SyncResource,
  WriteResult,
} from "./records";
import {
  BATCH_SIZE,
  newestById,
  storedNewerIds,
  upsertCustomers,
  upsertOrderLineItems,
  upsertOrders,
  upsertProducts,
  upsertProductVariants,
  writeCustomerBatch,
  writeOrderBatch,
  writeProductBatch,
  type ChildWriteGuard,
  type RedactionMode,
} from "./store";

export type AnyRecord = CustomerRecord | ProductRecord | OrderRecord;

const MAPPERS: Record<SyncResource, (node: unknown) => AnyRecord> = {
  customers: customerFromGraphql,
  products: productFromGraphql,
  orders: orderFromGraphql,
};

/** Map a batch; a node that cannot be read is reported, not written (the rest go on). */
export function mapGraphqlNodes(
  resource: SyncResource,
  nodes: unknown[],
): { records: AnyRecord[]; failures: string[] } {
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
): Promise<WriteResult & { storedNewer?: string[]; inserted?: string[] }> {
  if (records.length === 0) return { applied: 0, stale: 0 };
  switch (resource) {
    case "customers":
      return upsertCustomers(prisma, shopId, records as CustomerRecord[]);
    case "products":
      return upsertProducts(prisma, shopId, records as ProductRecord[]);
    case "orders":
      // A backfill rebuilds every day's rollups once at the end (backfill.ts), so its
      // batches neither recompute nor collect the touched days.
      return upsertOrders(prisma, shopId, records as OrderRecord[], {
        rollups: options.source === "backfill" ? "rebuild" : "now",
      });
  }
}

/**
 * A bulk batch's roots in the caller's transaction (bulk-ingest.ts writes a whole batch
 * in one): newer wins as in writeRecords, no rollups (a backfill rebuilds them all at
 * the end). Returns the parents whose stored version is newer (they keep their own
 * children) and the orders this write inserted (no children or ledger stored yet).
 */
export async function writeBulkRoots(
  tx: Prisma.TransactionClient,
  shopId: number,
  resource: SyncResource,
  records: AnyRecord[],
  /** Orders: "guarded" when the caller holds the shop's redaction lock (store.ts RedactionMode). */
  redaction: RedactionMode = "erase",
): Promise<{ storedNewer: string[]; inserted: string[] }> {
  const out = { storedNewer: [] as string[], inserted: [] as string[] };
  switch (resource) {
    case "customers":
      for (const batch of chunks(newestById(records as CustomerRecord[]))) await writeCustomerBatch(tx, shopId, batch);
      return out;
    case "products": {
      const products = newestById(records as ProductRecord[]);
      for (const batch of chunks(products)) await writeProductBatch(tx, shopId, batch);
      out.storedNewer = await storedNewerIds(tx, shopId, "products", products);
      return out;
    }
    case "orders":
      for (const batch of chunks(newestById(records as OrderRecord[]))) {
        const written = await writeOrderBatch(tx, shopId, batch, false, redaction);
        out.storedNewer.push(...written.storedNewer);
        out.inserted.push(...written.inserted);
      }
      return out;
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) out.push(items.slice(i, i + BATCH_SIZE));
  return out;
}

/** A child line of a bulk result: its node, its parent's id and its GraphQL type. */
export interface BulkChild {
  node: Record<string, unknown>;
  parentId: string | null;
  type: string | undefined;
}

export type ChildRecord =
  { kind: "lineItem"; record: OrderLineItemRecord } | { kind: "variant"; record: ProductVariantRecord };

/** The child types each export selects as nested connections (queries.ts). */
const CHILD_MAPPERS: Record<SyncResource, Record<string, (node: unknown, parentId: string) => ChildRecord>> = {
  customers: {},
  products: { ProductVariant: (node, parentId) => ({ kind: "variant", record: variantFromGraphql(node, parentId) }) },
  orders: { LineItem: (node, parentId) => ({ kind: "lineItem", record: lineItemFromGraphql(node, parentId) }) },
};

/** Map child lines; one that cannot be read (or is of a type we did not ask for) is reported. */
export function mapBulkChildren(
  resource: SyncResource,
  children: readonly BulkChild[],
): { records: ChildRecord[]; failures: string[] } {
  const records: ChildRecord[] = [];
  const failures: string[] = [];
  for (const child of children) {
    try {
      const mapper = child.type ? CHILD_MAPPERS[resource][child.type] : undefined;
      if (!mapper) throw new Error(`unexpected child line of type ${child.type ?? "?"}`);
      records.push(mapper(child.node, parseShopifyId(child.parentId, "__parentId")));
    } catch (error) {
      failures.push(`${String(child.node.id ?? "?")}: ${(error as Error).message}`);
    }
  }
  return { records, failures };
}

export async function writeBulkChildren(
  prisma: Pick<PrismaClient, "$executeRaw">,
  shopId: number,
  children: readonly ChildRecord[],
  guard: ChildWriteGuard,
): Promise<void> {
  const lines = children.flatMap((c) => (c.kind === "lineItem" ? [c.record] : []));
  const variants = children.flatMap((c) => (c.kind === "variant" ? [c.record] : []));
  if (lines.length > 0) await upsertOrderLineItems(prisma, shopId, lines, guard);
  if (variants.length > 0) await upsertProductVariants(prisma, shopId, variants, guard);
}
