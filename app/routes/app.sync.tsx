// Sync status page: per resource the records stored, backfill progress, last
// successful sync, lag and last error, and a "Sync now" button. While a sync runs the
// page refreshes itself every few seconds.
import { useEffect, useMemo } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";
import { startSyncNow } from "~/services/sync-now.server";
import { getShopSyncStatus, type ResourceSyncStatus } from "~/sync/status";
import { findInsightsShop } from "~/insights/shop";
import { requestLocale } from "~/components/format";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [status, shop] = await Promise.all([
    getShopSyncStatus(prisma, session.shop),
    findInsightsShop(prisma, session.shop),
  ]);
  // Times read in the shop's zone, as everywhere in Admin — and the same text on the
  // server and in the browser (a zone-less toLocaleString differs between the two).
  return { status, locale: requestLocale(request), timeZone: shop?.ianaTimezone ?? "UTC" };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return startSyncNow(session.shop);
};

const RESOURCE_LABEL: Record<string, string> = { customers: "Customers", products: "Products", orders: "Orders" };

function formatLag(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

function timeFormatter(locale: string, timeZone: string): (iso: string | null) => string {
  const format = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return (iso) => (iso ? format.format(new Date(iso)) : "never");
}

function StatusBadge({ resource }: { resource: ResourceSyncStatus }) {
  if (resource.status === "needs_reauth") return <Badge tone="critical">Needs reconnect</Badge>;
  if (resource.status === "error") return <Badge tone="critical">Error</Badge>;
  if (resource.status === "stopped") return <Badge>Stopped</Badge>;
  if (resource.backfill.status !== "completed") return <Badge tone="attention">Importing</Badge>;
  if (resource.running) return <Badge tone="info">Syncing</Badge>;
  return <Badge tone="success">Up to date</Badge>;
}

export default function SyncStatusPage() {
  const { status, locale, timeZone } = useLoaderData<typeof loader>();
  const formatTime = useMemo(() => timeFormatter(locale, timeZone), [locale, timeZone]);
  const syncNow = useFetcher<typeof action>();
  const revalidator = useRevalidator();
  const busy = !!status && (!status.backfillCompleted || status.resources.some((r) => r.running)) && status.installed;

  // Poll while something is running; stop when idle.
  useEffect(() => {
    if (!busy && syncNow.state === "idle") return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 3_000);
    return () => clearInterval(timer);
  }, [busy, syncNow.state, revalidator]);

  return (
    <Page title="Sync status">
      <TitleBar title="Sync status" />
      <Layout>
        {!status ? (
          <Layout.Section>
            <Card>
              <Text as="p">Your store has not been set up yet. Reload the app to start the first sync.</Text>
            </Card>
          </Layout.Section>
        ) : (
          <>
            {status.needsReauth && (
              <Layout.Section>
                <Banner tone="critical" title="Storepulse lost access to your store">
                  <p>
                    Shopify no longer accepts the app's access token. Open Storepulse from your Shopify admin to
                    reconnect.
                  </p>
                </Banner>
              </Layout.Section>
            )}
            {status.historyLimitedNote && (
              <Layout.Section>
                <Banner tone="info" title="Limited order history">
                  <p>{status.historyLimitedNote}</p>
                </Banner>
              </Layout.Section>
            )}
            <Layout.Section>
              <Card>
                <BlockStack gap="300">
                  <InlineStack align="space-between" blockAlign="center">
                    <Text as="h2" variant="headingMd">
                      {status.backfillCompleted ? "Initial import complete" : "Importing your store's history"}
                    </Text>
                    <syncNow.Form method="post">
                      <Button submit loading={syncNow.state !== "idle"} disabled={!status.installed}>
                        Sync now
                      </Button>
                    </syncNow.Form>
                  </InlineStack>
                  <div aria-label="Initial import progress">
                    <ProgressBar progress={Math.round((status.backfillProgress ?? 0) * 100)} size="small" />
                    <Text as="p" variant="bodySm" tone="subdued">
                      {status.backfillProgress === null
                        ? "Waiting for Shopify to prepare the export…"
                        : `${Math.round(status.backfillProgress * 100)}% imported`}
                    </Text>
                  </div>
                  {syncNow.data?.accepted && syncNow.data.state === "running" && (
                    <Text as="p" tone="subdued">
                      A sync is already running for this store; it is the sync (no second one is started).
                    </Text>
                  )}
                  {syncNow.data?.accepted && syncNow.data.state === "queued" && (
                    <Text as="p" tone="subdued">
                      Sync queued: it starts as soon as a sync slot is free.
                    </Text>
                  )}
                  {syncNow.data && !syncNow.data.accepted && (
                    <Text as="p" tone="critical">
                      The sync could not be started: the app is not installed on this store.
                    </Text>
                  )}
                </BlockStack>
              </Card>
            </Layout.Section>
            <Layout.Section>
              <Card padding="0">
                <DataTable
                  columnContentTypes={["text", "text", "numeric", "text", "text", "text"]}
                  headings={["Data", "State", "Records stored", "Initial import", "Last successful sync", "Lag"]}
                  rows={status.resources.map((r) => [
                    RESOURCE_LABEL[r.resource] ?? r.resource,
                    <StatusBadge key="state" resource={r} />,
                    r.recordsStored.toLocaleString(),
                    r.backfill.status === "completed"
                      ? "Complete"
                      : r.backfill.progress === null
                        ? r.backfill.status === "pending"
                          ? "Not started"
                          : "Preparing…"
                        : `${Math.round(r.backfill.progress * 100)}% (${r.backfill.processed.toLocaleString()} of ${r.backfill.expected?.toLocaleString()})`,
                    formatTime(r.lastSuccessAt),
                    formatLag(r.lagSeconds),
                  ])}
                />
              </Card>
            </Layout.Section>
            {(status.webhooks.pending > 0 || status.webhooks.dead > 0) && (
              <Layout.Section>
                <Card>
                  <BlockStack gap="200">
                    <Text as="h2" variant="headingMd">
                      Webhooks
                    </Text>
                    <Text as="p" aria-label="Queued webhooks">
                      {status.webhooks.pending.toLocaleString()} waiting to be applied
                      {status.webhooks.retrying > 0 ? ` (${status.webhooks.retrying.toLocaleString()} retrying)` : ""}
                      {status.webhooks.oldestPendingAt
                        ? `, oldest received ${formatTime(status.webhooks.oldestPendingAt)}`
                        : ""}
                    </Text>
                    {status.webhooks.dead > 0 && (
                      <Text as="p" tone="critical" aria-label="Failed webhooks">
                        {status.webhooks.dead.toLocaleString()} could not be applied after repeated attempts
                        {status.webhooks.lastError ? ` (${status.webhooks.lastError})` : ""}; the next sync brings their
                        records.
                      </Text>
                    )}
                  </BlockStack>
                </Card>
              </Layout.Section>
            )}
            {status.resources.some((r) => r.lastError) && (
              <Layout.Section>
                <Card>
                  <BlockStack gap="200">
                    <Text as="h2" variant="headingMd">
                      Last errors
                    </Text>
                    {status.resources
                      .filter((r) => r.lastError)
                      .map((r) => (
                        <Text as="p" key={r.resource} tone="critical">
                          {RESOURCE_LABEL[r.resource]}: {r.lastError}
                          {r.status === "error" && r.nextRunAt ? ` — next attempt ${formatTime(r.nextRunAt)}` : ""}
                        </Text>
                      ))}
                  </BlockStack>
                </Card>
              </Layout.Section>
            )}
          </>
        )}
      </Layout>
    </Page>
  );
}
