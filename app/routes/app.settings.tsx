import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await prisma.shop.findUnique({ where: { domain: session.shop } });
  return {
    domain: session.shop,
    currencyCode: shop?.currencyCode ?? null,
    ianaTimezone: shop?.ianaTimezone ?? null,
    grantedScopes: shop?.grantedScopes ?? session.scope ?? "",
  };
};

export default function SettingsPage() {
  const shop = useLoaderData<typeof loader>();
  return (
    <Page title="Settings">
      <TitleBar title="Settings" />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Store
              </Text>
              <Text as="p">Domain: {shop.domain}</Text>
              <Text as="p">Currency: {shop.currencyCode ?? "not synced yet"}</Text>
              <Text as="p">Time zone: {shop.ianaTimezone ?? "not synced yet"}</Text>
              <Text as="p">Granted access: {shop.grantedScopes || "none recorded"}</Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
