import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await prisma.shop.findUnique({
    where: { domain: session.shop },
    include: { syncStates: { orderBy: { resource: "asc" } } },
  });
  return {
    resources: (shop?.syncStates ?? []).map((state) => ({
      resource: state.resource,
      status: state.status,
      recordsStored: state.recordsStored,
      lastSuccessAt: state.lastSuccessAt?.toISOString() ?? null,
    })),
  };
};

// Sync status. The sync engine (ingestion) fills sync_state; until a shop has
// synced, the page says so rather than showing zeros.
export default function SyncStatusPage() {
  const { resources } = useLoaderData<typeof loader>();
  return (
    <Page title="Sync status">
      <TitleBar title="Sync status" />
      <Layout>
        <Layout.Section>
          {resources.length === 0 ? (
            <Card>
              <EmptyState heading="No sync has run yet" image="">
                <p>Your store's customers, orders and products appear here once the first sync starts.</p>
              </EmptyState>
            </Card>
          ) : (
            <BlockStack gap="400">
              {resources.map((r) => (
                <Card key={r.resource}>
                  <Text as="h2" variant="headingMd">
                    {r.resource}
                  </Text>
                  <Text as="p">
                    {r.status} · {r.recordsStored} records · last success {r.lastSuccessAt ?? "never"}
                  </Text>
                </Card>
              ))}
            </BlockStack>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}
