-- Shops synced before the sales ledger existed have orders without agreements, and the
-- insights now sum the ledger (docs/metrics.md): without this their dashboards would
-- read zero for those orders. Mark every such order for a ledger read. The next sync
-- pass drains the marks (app/sync/ledger-refresh.ts: batches by cost, one bulk export
-- filtered by updated_at from 2,000 marks) and refreshes the touched rollups.
-- Every Shopify order has at least its OrderAgreement, so an order with none was never read.
INSERT INTO "order_ledger_refresh" ("shop_id", "order_id", "requested_at")
SELECT o."shop_id", o."id", now()
FROM "order" o
WHERE NOT EXISTS (
  SELECT 1 FROM "sale_agreement" a WHERE a."shop_id" = o."shop_id" AND a."order_id" = o."id"
)
ON CONFLICT ("shop_id", "order_id") DO NOTHING;
