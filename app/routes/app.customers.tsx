// Customers: every customer we hold with their orders and spend in the selected range.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Page } from "@shopify/polaris";
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";
import { findInsightsShop } from "~/insights/shop";
import { loadCustomersPage } from "~/insights/page-data";
import { ListPageControls } from "~/components/ListPageControls";
import { InsightsErrorBoundary } from "~/components/RouteErrorBanner";
import { SortableListCard } from "~/components/SortableListCard";
import { formatCount, formatDate, formatMoney, requestLocale } from "~/components/format";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await findInsightsShop(prisma, session.shop);
  if (!shop) throw new Response("This shop is not installed yet.", { status: 404 });
  return {
    locale: requestLocale(request),
    ...(await loadCustomersPage(prisma, shop, new URL(request.url).searchParams)),
  };
};

export default function Customers() {
  const { locale, shop, range, error, sync, q, sort, direction, list } = useLoaderData<typeof loader>();
  const money = (amount: string) => formatMoney(amount, shop.currencyCode, locale);
  return (
    <Page
      title="Customers"
      subtitle={`Orders and spend ${formatDate(range.from, locale)} – ${formatDate(range.to, locale)}`}
    >
      <TitleBar title="Customers" />
      <BlockStack gap="400">
        <ListPageControls
          error={error}
          syncCompleted={sync.completed}
          importMessage="Customers appear here as your store's data is imported."
          range={range}
        />
        <SortableListCard
          pathname="/app/customers"
          searchLabel="Search customers by name or email"
          emptyMessage={q ? `No customers match “${q}”.` : "No customers yet."}
          columns={[
            { heading: "Customer", type: "text", sort: "name" },
            { heading: "Email", type: "text" },
            { heading: "Orders", type: "numeric", sort: "orders" },
            { heading: "Total spent", type: "numeric", sort: "totalSpent" },
            { heading: "Last order", type: "text", sort: "lastOrderDate" },
          ]}
          rows={list.items.map((c) => [
            c.name ?? `Customer ${c.id}`,
            c.email ?? "—",
            formatCount(c.orders, locale),
            money(c.totalSpent),
            c.lastOrderDate ? formatDate(c.lastOrderDate, locale) : "—",
          ])}
          q={q}
          sort={sort}
          direction={direction}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
        />
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return <InsightsErrorBoundary title="Customers" />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
