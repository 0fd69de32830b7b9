// Webhook topic → what it does to our data. Payloads are REST-shaped JSON, mapped by
// app/sync/mapping.ts and written through app/sync/store.ts like every other source.
// Topics use the library's enum spelling ("ORDERS_CREATE", as authenticate.webhook
// reports them). Each handler returns what happened, recorded in webhook_event.
import type { PrismaClient, Shop } from "@prisma/client";
import { notifyBulkOperationFinished } from "./bulk";
import { requestLedgerRefresh } from "./ledger-refresh";
import {
  recordCustomerDataRequest,
  redactCustomer,
  redactShop,
  uninstallShop,
  updateGrantedScopes,
  updateShopDetails,
} from "./lifecycle";
import {
  customerFromWebhook,
  deletedIdFromWebhook,
  orderFromWebhook,
  productFromWebhook,
  refundFromWebhook,
} from "./mapping";
import type { WriteResult } from "./records";
import { addRefunds, deleteRecords, upsertCustomers, upsertOrders, upsertProducts } from "./store";

/** applied: data changed; stale: not newer than what we hold; ignored: nothing to do. */
export type WebhookOutcome = "applied" | "stale" | "ignored";

export interface WebhookInput {
  prisma: PrismaClient;
  /** The tenant named by the verified webhook (X-Shopify-Shop-Domain), when we hold it. */
  shop: Shop;
  payload: unknown;
}

type Handler = (input: WebhookInput) => Promise<WebhookOutcome>;

function outcomeOf(result: WriteResult): WebhookOutcome {
  return result.applied > 0 ? "applied" : "stale";
}

const upsertCustomer: Handler = async ({ prisma, shop, payload }) =>
  outcomeOf(await upsertCustomers(prisma, shop.id, [customerFromWebhook(payload)]));

const upsertProduct: Handler = async ({ prisma, shop, payload }) =>
  outcomeOf(await upsertProducts(prisma, shop.id, [productFromWebhook(payload)]));

// Orders and refunds: the payload carries no sales ledger, so the order is also marked
// for a ledger read (ledger-refresh.ts) — whatever the outcome: a retry after a crash
// between the write and the mark finds the order "stale" and must still mark it.
const upsertOrder: Handler = async ({ prisma, shop, payload }) => {
  const order = orderFromWebhook(payload);
  const outcome = outcomeOf(await upsertOrders(prisma, shop.id, [order]));
  await requestLedgerRefresh(prisma, shop.id, [order.id]);
  return outcome;
};

function deleteOf(resource: "customers" | "products" | "orders"): Handler {
  return async ({ prisma, shop, payload }) => {
    const { deleted } = await deleteRecords(prisma, shop.id, resource, [deletedIdFromWebhook(payload, resource)]);
    return deleted > 0 ? "applied" : "stale";
  };
}

/** Handlers for shops we hold a row for. */
export const WEBHOOK_HANDLERS: Readonly<Record<string, Handler>> = {
  CUSTOMERS_CREATE: upsertCustomer,
  CUSTOMERS_UPDATE: upsertCustomer,
  CUSTOMERS_DELETE: deleteOf("customers"),
  PRODUCTS_CREATE: upsertProduct,
  PRODUCTS_UPDATE: upsertProduct,
  PRODUCTS_DELETE: deleteOf("products"),
  ORDERS_CREATE: upsertOrder,
  ORDERS_UPDATED: upsertOrder,
  ORDERS_CANCELLED: upsertOrder,
  ORDERS_PAID: upsertOrder,
  ORDERS_DELETE: deleteOf("orders"),
  REFUNDS_CREATE: async ({ prisma, shop, payload }) => {
    const refund = refundFromWebhook(payload);
    const outcome = outcomeOf(await addRefunds(prisma, shop.id, [refund]));
    await requestLedgerRefresh(prisma, shop.id, [refund.orderId]);
    return outcome;
  },
  APP_UNINSTALLED: async ({ prisma, shop }) => {
    await uninstallShop(prisma, shop.domain);
    return "applied";
  },
  APP_SCOPES_UPDATE: async ({ prisma, shop, payload }) => {
    await updateGrantedScopes(prisma, shop.id, payload);
    return "applied";
  },
  SHOP_UPDATE: async ({ prisma, shop, payload }) => {
    await updateShopDetails(prisma, shop, payload);
    return "applied";
  },
  SHOP_REDACT: async ({ prisma, shop }) => {
    await redactShop(prisma, shop.domain);
    return "applied";
  },
  CUSTOMERS_REDACT: async ({ prisma, shop, payload }) => {
    await redactCustomer(prisma, shop.id, payload);
    return "applied";
  },
  CUSTOMERS_DATA_REQUEST: async ({ prisma, shop, payload }) => {
    await recordCustomerDataRequest(prisma, shop, payload);
    return "applied";
  },
  BULK_OPERATIONS_FINISH: async ({ payload }) => {
    const id = (payload as { admin_graphql_api_id?: unknown } | null)?.admin_graphql_api_id;
    if (typeof id === "string") notifyBulkOperationFinished(id);
    return "ignored";
  },
};

/**
 * A verified webhook for a shop we hold no row for (never installed here, or already
 * redacted): only what needs no tenant row is done — tokens of an uninstalled shop are
 * still deleted. Data topics are acknowledged; the install's backfill reads everything.
 */
export async function handleWebhookWithoutShop(
  prisma: PrismaClient,
  topic: string,
  domain: string,
): Promise<WebhookOutcome> {
  if (topic === "APP_UNINSTALLED" || topic === "SHOP_REDACT") {
    await prisma.session.deleteMany({ where: { shop: domain } });
    return "applied";
  }
  return "ignored";
}
