// Overview: KPIs with change against the previous period (each opens its definition),
// the Sales-report breakdown of total sales, charts, top lists, CSV.
// The loader authenticates and hands over to app/insights; this file only renders.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useMemo } from "react";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  ButtonGroup,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { loadOverview } from "~/insights/page-data";
import { loadInsightsPage } from "~/insights-page.server";
import { CsvDownloadButton } from "~/components/CsvDownloadButton";
import { DateRangePicker } from "~/components/DateRangePicker";
import { KpiCard } from "~/components/KpiCard";
import { SalesBreakdown } from "~/components/SalesBreakdown";
import { KpiSkeleton, TableSkeleton } from "~/components/LoadingSkeleton";
import { InsightsErrorBoundary } from "~/components/RouteErrorBanner";
import { SyncEmptyState } from "~/components/SyncEmptyState";
import { TimeSeriesChart } from "~/components/TimeSeriesChart";
import { TopListCard } from "~/components/TopListCard";
import { formatCount, formatDate, formatMoney, formatRate } from "~/components/format";
import { rangeUpdates, withParams } from "~/components/search-params";

export const loader = ({ request }: LoaderFunctionArgs) => loadInsightsPage(request, loadOverview);

type Granularity = "day" | "week" | "month";

function bucketLabel(date: string, granularity: Granularity, locale: string): string {
  if (granularity === "month") return formatDate(date, locale, { month: "short", year: "numeric" });
  const label = formatDate(date, locale, { month: "short", day: "numeric" });
  return granularity === "week" ? `Week of ${label}` : label;
}

export default function Overview() {
  const data = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app";
  const pending = loading ? new URLSearchParams(navigation.location.search) : null;
  // A granularity switch changes only the series: keep everything on screen (dimmed) while
  // the loader answers instead of swapping the page for skeletons, which unmounted and
  // re-created the three charts and shifted the layout. The pressed button follows the
  // click at once.
  const switchingGranularity =
    pending !== null &&
    (pending.get("granularity") ?? "day") !== data.granularity &&
    pending.get("from") === searchParams.get("from") &&
    pending.get("to") === searchParams.get("to") &&
    pending.get("preset") === searchParams.get("preset");
  const shownGranularity = switchingGranularity ? (pending.get("granularity") ?? "day") : data.granularity;
  const { locale, range, granularity, shop } = data;
  const currency = shop.currencyCode;
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const rangeLabel = `${formatDate(range.from, locale)} – ${formatDate(range.to, locale)}`;
  const apiQuery = `from=${range.from}&to=${range.to}`;

  const picker = (
    <InlineStack gap="400" align="space-between" blockAlign="end" wrap>
      <DateRangePicker
        preset={range.preset}
        from={range.from}
        to={range.to}
        onChange={(change) => setSearchParams(withParams(searchParams, rangeUpdates(change)))}
      />
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" variant="bodySm" tone="subdued">
          Group by
        </Text>
        <ButtonGroup variant="segmented">
          {(["day", "week", "month"] as const).map((g) => (
            <Button
              key={g}
              pressed={shownGranularity === g}
              onClick={() => setSearchParams(withParams(searchParams, { granularity: g }))}
            >
              {g[0]!.toUpperCase() + g.slice(1)}
            </Button>
          ))}
        </ButtonGroup>
      </InlineStack>
    </InlineStack>
  );

  // Stable props for the memoised charts: recomputed only when the loader's data changes.
  const charts = useMemo(() => {
    if (!data.ready) return null;
    const money = (amount: string) => formatMoney(amount, data.shop.currencyCode, data.locale);
    const count = (value: number) => formatCount(value, data.locale);
    return {
      labels: data.orders.map((point) => bucketLabel(point.date, data.granularity, data.locale)),
      tickLabels: data.orders.map((point) =>
        bucketLabel(point.date, data.granularity === "week" ? "day" : data.granularity, data.locale),
      ),
      sales: [
        {
          label: "Total sales",
          type: "bar" as const,
          color: "#5c6ac4",
          values: data.orders.map((d) => Number(d.totalSales)),
          display: data.orders.map((d) => money(d.totalSales)),
        },
        {
          label: "Orders",
          type: "line" as const,
          axis: "y1" as const,
          color: "#47c1bf",
          counts: true,
          values: data.orders.map((d) => d.orders),
          display: data.orders.map((d) => count(d.orders)),
        },
      ],
      averageOrderValue: [
        {
          label: "Average order value",
          type: "line" as const,
          color: "#de3618",
          values: data.averageOrderValue.map((d) => Number(d.averageOrderValue)),
          display: data.averageOrderValue.map((d) => money(d.averageOrderValue)),
        },
      ],
      newCustomers: [
        {
          label: "New customers",
          type: "bar" as const,
          color: "#50b83c",
          counts: true,
          values: data.newCustomers.map((d) => d.newCustomers),
          display: data.newCustomers.map((d) => count(d.newCustomers)),
        },
      ],
    };
  }, [data]);

  if (!data.ready || !charts) {
    return (
      <Page title="Overview">
        <TitleBar title="Overview" />
        <SyncEmptyState status={data.sync.status} progress={data.sync.progress} lastError={data.sync.lastError} />
      </Page>
    );
  }

  const { summary } = data;
  const t = summary.totals;
  const p = summary.previous;
  const previousLabel = `${formatDate(p.from, locale)} – ${formatDate(p.to, locale)}`;

  return (
    <Page title="Overview" subtitle={`${rangeLabel} · ${summary.timezone}`}>
      <TitleBar title="Overview" />
      <BlockStack gap="400">
        {data.error && (
          <Banner tone="warning" title="Showing the last 30 days instead">
            <p>{data.error}</p>
          </Banner>
        )}
        {!data.sync.completed && (
          <Banner tone="info" title="Import in progress">
            <p>Your store's history is still being imported; figures may be incomplete until it finishes.</p>
          </Banner>
        )}
        <Card>{picker}</Card>
        {loading && !switchingGranularity ? (
          <>
            <KpiSkeleton />
            <TableSkeleton />
          </>
        ) : (
          <div
            aria-busy={switchingGranularity}
            style={{ opacity: switchingGranularity ? 0.6 : 1, transition: "opacity 120ms" }}
          >
            <BlockStack gap="400">
              <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
                <KpiCard
                  metric="totalSales"
                  value={money(t.totalSales)}
                  current={Number(t.totalSales)}
                  previous={Number(p.totalSales)}
                  previousLabel={previousLabel}
                  locale={locale}
                />
                <KpiCard
                  metric="orders"
                  value={formatCount(t.orders, locale)}
                  current={t.orders}
                  previous={p.orders}
                  previousLabel={previousLabel}
                  locale={locale}
                />
                <KpiCard
                  metric="averageOrderValue"
                  value={money(t.averageOrderValue)}
                  current={Number(t.averageOrderValue)}
                  previous={Number(p.averageOrderValue)}
                  previousLabel={previousLabel}
                  locale={locale}
                />
                <KpiCard
                  metric="customers"
                  value={formatCount(t.customers, locale)}
                  current={t.customers}
                  previous={p.customers}
                  previousLabel={previousLabel}
                  locale={locale}
                />
                <KpiCard
                  metric="newCustomers"
                  value={formatCount(t.newCustomers, locale)}
                  current={t.newCustomers}
                  previous={p.newCustomers}
                  previousLabel={previousLabel}
                  locale={locale}
                />
                <KpiCard
                  metric="returningCustomerRate"
                  value={formatRate(t.returningCustomerRate, locale)}
                  current={t.returningCustomerRate}
                  previous={p.returningCustomerRate}
                  previousLabel={previousLabel}
                  locale={locale}
                  kind="rate"
                />
              </InlineGrid>
              <Layout>
                <Layout.Section>
                  <TimeSeriesChart
                    title="Sales and orders over time"
                    labels={charts.labels}
                    tickLabels={charts.tickLabels}
                    series={charts.sales}
                  />
                </Layout.Section>
                <Layout.Section variant="oneThird">
                  <SalesBreakdown totals={t} money={money} />
                </Layout.Section>
                <Layout.Section variant="oneHalf">
                  <TimeSeriesChart
                    title="Average order value"
                    labels={charts.labels}
                    tickLabels={charts.tickLabels}
                    series={charts.averageOrderValue}
                  />
                </Layout.Section>
                <Layout.Section variant="oneHalf">
                  <TimeSeriesChart
                    title="New customers"
                    labels={charts.labels}
                    tickLabels={charts.tickLabels}
                    series={charts.newCustomers}
                  />
                </Layout.Section>
                <Layout.Section variant="oneHalf">
                  <TopListCard
                    title="Top customers"
                    csvPath={`/api/dashboard/top-customers?${apiQuery}&limit=100`}
                    csvFilename={`top-customers_${range.from}_${range.to}.csv`}
                    emptyMessage="No customer orders in this period."
                    headings={["Customer", "Orders", "Total spent"]}
                    rows={data.topCustomers.map((c) => [
                      c.name ?? c.email ?? `Customer ${c.id}`,
                      formatCount(c.orders, locale),
                      money(c.totalSpent),
                    ])}
                  />
                </Layout.Section>
                <Layout.Section variant="oneHalf">
                  <TopListCard
                    title="Top products"
                    csvPath={`/api/dashboard/top-products?${apiQuery}&limit=100`}
                    csvFilename={`top-products_${range.from}_${range.to}.csv`}
                    emptyMessage="No product sales in this period."
                    headings={["Product", "Units sold", "Net sales"]}
                    rows={data.topProducts.map((p) => [
                      p.title ?? `Product ${p.id}`,
                      formatCount(p.unitsSold, locale),
                      money(p.netSales),
                    ])}
                  />
                </Layout.Section>
              </Layout>
              <Card>
                <InlineStack gap="200" wrap>
                  <CsvDownloadButton
                    path={`/api/dashboard/summary?${apiQuery}`}
                    filename={`summary_${range.from}_${range.to}.csv`}
                    label="Summary CSV"
                  />
                  <CsvDownloadButton
                    path={`/api/dashboard/orders-by-date?${apiQuery}&granularity=${granularity}`}
                    filename={`orders-by-date_${range.from}_${range.to}.csv`}
                    label="Sales by date CSV"
                  />
                  <CsvDownloadButton
                    path={`/api/dashboard/avg-order-value-by-date?${apiQuery}&granularity=${granularity}`}
                    filename={`avg-order-value_${range.from}_${range.to}.csv`}
                    label="AOV CSV"
                  />
                  <CsvDownloadButton
                    path={`/api/dashboard/new-customers-by-date?${apiQuery}&granularity=${granularity}`}
                    filename={`new-customers_${range.from}_${range.to}.csv`}
                    label="New customers CSV"
                  />
                </InlineStack>
              </Card>
            </BlockStack>
          </div>
        )}
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return <InsightsErrorBoundary title="Overview" />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
