// Products: every product we hold with units sold and net sales in the selected range.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Page } from "@shopify/polaris";
import { loadProductsPage } from "~/insights/page-data";
import { loadInsightsPage } from "~/insights-page.server";
import { ListPageControls } from "~/components/ListPageControls";
import { InsightsErrorBoundary } from "~/components/RouteErrorBanner";
import { SortableListCard } from "~/components/SortableListCard";
import { formatCount, formatDate, formatMoney } from "~/components/format";

export const loader = ({ request }: LoaderFunctionArgs) => loadInsightsPage(request, loadProductsPage);

export default function Products() {
  const { locale, shop, range, error, sync, q, sort, direction, list } = useLoaderData<typeof loader>();
  return (
    <Page title="Products" subtitle={`Sales ${formatDate(range.from, locale)} – ${formatDate(range.to, locale)}`}>
      <TitleBar title="Products" />
      <BlockStack gap="400">
        <ListPageControls
          error={error}
          syncCompleted={sync.completed}
          importMessage="Products appear here as your store's data is imported."
          range={range}
        />
        <SortableListCard
          pathname="/app/products"
          searchLabel="Search products by title, vendor or type"
          emptyMessage={q ? `No products match “${q}”.` : "No products yet."}
          columns={[
            { heading: "Product", type: "text", sort: "title" },
            { heading: "Vendor", type: "text" },
            { heading: "Units sold", type: "numeric", sort: "unitsSold" },
            { heading: "Net sales", type: "numeric", sort: "netSales" },
          ]}
          rows={list.items.map((p) => [
            p.title,
            p.vendor ?? "—",
            formatCount(p.unitsSold, locale),
            formatMoney(p.netSales, shop.currencyCode, locale),
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
  return <InsightsErrorBoundary title="Products" />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
