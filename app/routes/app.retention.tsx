// Retention: the cohort triangle as a heat map (retention % or lifetime value), LTV curves
// of chosen cohorts, time to second order, and repeat rates by first product; each with
// its definition one click away and a CSV of the same numbers (/api/insights/*).
// The loader authenticates and hands over to app/insights; this file only renders.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useMemo, useState } from "react";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  ChoiceList,
  DataTable,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import type { MetricKey } from "~/insights/definitions";
import { loadRetentionPage } from "~/insights/cohort-page";
import { loadInsightsPage } from "~/insights-page.server";
import { RETENTION_SPANS } from "~/insights/cohort-spans";
import { CsvDownloadButton } from "~/components/CsvDownloadButton";
import { KpiSkeleton, TableSkeleton } from "~/components/LoadingSkeleton";
import { MetricLabel } from "~/components/MetricLabel";
import { InsightsErrorBoundary } from "~/components/RouteErrorBanner";
import { SyncEmptyState } from "~/components/SyncEmptyState";
import { TimeSeriesChart } from "~/components/TimeSeriesChart";
import { formatCount, formatDate, formatMoney, formatRate } from "~/components/format";
import { withParams } from "~/components/search-params";

export const loader = ({ request }: LoaderFunctionArgs) => loadInsightsPage(request, loadRetentionPage);

type View = "retention" | "ltv";
const CURVE_COLORS = ["#5c6ac4", "#47c1bf", "#de3618", "#50b83c", "#f49342", "#9c6ade", "#007ace", "#8a6116"];

const monthLabel = (yyyyMm: string, locale: string) =>
  formatDate(`${yyyyMm}-01`, locale, { month: "short", year: "numeric" });

/** Heat-map shade of a share 0..1: Polaris' blue, lighter to darker; text stays readable. */
function shade(share: number): { background: string; color: string } {
  const t = Math.max(0, Math.min(1, share));
  const light = Math.round(96 - t * 56); // 96% → 40% lightness
  return { background: `hsl(228 60% ${light}%)`, color: light < 62 ? "#ffffff" : "#202223" };
}

export default function Retention() {
  const data = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app/retention";
  const [view, setView] = useState<View>("retention");
  const { locale, shop, range } = data;
  const money = (amount: string) => formatMoney(amount, shop.currencyCode, locale);
  const month = (yyyyMm: string) => monthLabel(yyyyMm, locale);
  const apiQuery = `from=${range.from}&to=${range.to}`;

  const cohorts = useMemo(() => (data.ready ? data.cohorts : []), [data]);
  const withCustomers = cohorts.filter((c) => c.customers > 0);
  // Default curves: the four most recent cohorts old enough to have a curve (≥ 2 months).
  const defaultCurves = withCustomers
    .filter((c) => c.cells.length >= 2)
    .slice(-4)
    .map((c) => c.cohort);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? defaultCurves;

  const selectedKey = selected.join(",");
  const currency = shop.currencyCode;
  const curves = useMemo(() => {
    const picks = selectedKey.split(",");
    const money = (amount: string) => formatMoney(amount, currency, locale);
    const picked = cohorts.filter((c) => picks.includes(c.cohort));
    const length = Math.max(0, ...picked.map((c) => c.cells.length));
    return {
      labels: Array.from({ length }, (_, i) => `Month ${i}`),
      series: picked.map((c, i) => ({
        label: monthLabel(c.cohort, locale),
        type: "line" as const,
        color: CURVE_COLORS[i % CURVE_COLORS.length]!,
        values: Array.from({ length }, (_, m) => (c.cells[m] ? Number(c.cells[m]!.lifetimeValue) : Number.NaN)),
        display: Array.from({ length }, (_, m) => (c.cells[m] ? money(c.cells[m]!.lifetimeValue) : "—")),
      })),
    };
  }, [cohorts, selectedKey, locale, currency]);

  const histogram = useMemo(() => {
    if (!data.ready) return null;
    return {
      labels: data.repeat.timeToSecondOrder.map((b) => (b.bucket === "0" ? "Same day" : `${b.bucket} days`)),
      series: [
        {
          label: "Customers",
          type: "bar" as const,
          color: "#5c6ac4",
          counts: true,
          values: data.repeat.timeToSecondOrder.map((b) => b.customers),
          display: data.repeat.timeToSecondOrder.map(
            (b) => `${formatCount(b.customers, locale)} (${formatRate(b.share, locale)})`,
          ),
        },
      ],
    };
  }, [data, locale]);

  const spanPicker = (
    <InlineStack gap="400" align="space-between" blockAlign="end" wrap>
      <Select
        label="Cohorts"
        options={[
          ...RETENTION_SPANS.map((n) => ({ label: `First orders in the last ${n} months`, value: String(n) })),
          ...(data.months === null ? [{ label: `${range.from} – ${range.to}`, value: "custom" }] : []),
        ]}
        value={data.months === null ? "custom" : String(data.months)}
        onChange={(value) =>
          value !== "custom" && setSearchParams(withParams(searchParams, { months: value, from: null, to: null }))
        }
      />
      <ButtonGroup variant="segmented">
        <Button pressed={view === "retention"} onClick={() => setView("retention")}>
          Retention %
        </Button>
        <Button pressed={view === "ltv"} onClick={() => setView("ltv")}>
          Lifetime value
        </Button>
      </ButtonGroup>
    </InlineStack>
  );

  if (!data.ready || !histogram) {
    return (
      <Page title="Retention">
        <TitleBar title="Retention" />
        <SyncEmptyState status={data.sync.status} progress={data.sync.progress} lastError={data.sync.lastError} />
      </Page>
    );
  }

  const offsets = Math.max(1, ...cohorts.map((c) => c.cells.length));
  // LTV shades are relative to the largest value shown.
  const maxLtv = Math.max(0, ...cohorts.flatMap((c) => c.cells.map((cell) => Number(cell.lifetimeValue))));
  const heatRows = cohorts.map((c) => [
    month(c.cohort),
    formatCount(c.customers, locale),
    ...Array.from({ length: offsets }, (_, m) => {
      const cell = c.cells[m];
      if (!cell || c.customers === 0) return "";
      const share = view === "retention" ? cell.retention : maxLtv === 0 ? 0 : Number(cell.lifetimeValue) / maxLtv;
      const text = view === "retention" ? formatRate(cell.retention, locale) : money(cell.lifetimeValue);
      const title = `${month(c.cohort)}, month ${m}: ${formatCount(cell.activeCustomers, locale)} active, ${money(cell.lifetimeValue)} per customer`;
      return (
        <div
          key={m}
          data-cohort={c.cohort}
          data-offset={m}
          title={title}
          style={{ ...shade(share), padding: "4px 6px", borderRadius: 4, textAlign: "right", whiteSpace: "nowrap" }}
        >
          {text}
        </div>
      );
    }),
  ]);
  const { repeat } = data;
  // Titles shown more than once: those rows also show the product's handle (unique in the shop).
  const titleCounts = new Map<string, number>();
  for (const p of data.products) if (p.title) titleCounts.set(p.title, (titleCounts.get(p.title) ?? 0) + 1);
  const sharedTitles = new Set([...titleCounts].filter(([, n]) => n > 1).map(([title]) => title));

  return (
    <Page title="Retention" subtitle={`Cohorts by month of first order · ${shop.ianaTimezone}`}>
      <TitleBar title="Retention" />
      <BlockStack gap="400">
        {data.error && (
          <Banner tone="warning" title="Showing the last 12 months instead">
            <p>{data.error}</p>
          </Banner>
        )}
        {data.preparing && (
          <Banner tone="info" title="Preparing retention figures">
            <p>Cohorts are being computed from your store's existing orders; reload the page in a minute.</p>
          </Banner>
        )}
        {!data.sync.completed && (
          <Banner tone="info" title="Import in progress">
            <p>Your store's history is still being imported; figures may be incomplete until it finishes.</p>
          </Banner>
        )}
        <Card>{spanPicker}</Card>
        {loading ? (
          <>
            <KpiSkeleton count={3} />
            <TableSkeleton />
          </>
        ) : (
          <BlockStack gap="400">
            <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
              <RetentionKpi metric="cohort" name="Customers acquired" note="customers acquired">
                {formatCount(repeat.customers, locale)}
              </RetentionKpi>
              <RetentionKpi
                metric="repeatPurchaseRate"
                name="Repeat purchase rate"
                note={`${formatCount(repeat.repeatCustomers, locale)} ordered again`}
              >
                {formatRate(repeat.repeatPurchaseRate, locale)}
              </RetentionKpi>
              <RetentionKpi metric="timeToSecondOrder" name="Median days to second order" note="median">
                {repeat.medianDaysToSecondOrder === null
                  ? "—"
                  : `${repeat.medianDaysToSecondOrder.toLocaleString(locale)} days`}
              </RetentionKpi>
            </InlineGrid>
            <div data-section="cohorts">
              <Card>
                <BlockStack gap="300">
                  <InlineStack align="space-between" blockAlign="center">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h2" variant="headingMd">
                        Cohorts
                      </Text>
                      <MetricLabel metric={view === "retention" ? "cohortRetention" : "cohortLifetimeValue"} />
                    </InlineStack>
                    <CsvDownloadButton
                      path={`/api/insights/cohorts?${apiQuery}`}
                      filename={`cohorts_${range.from}_${range.to}.csv`}
                      label="CSV"
                    />
                  </InlineStack>
                  {withCustomers.length === 0 ? (
                    <Text as="p" tone="subdued">
                      No customer placed a first order in these months.
                    </Text>
                  ) : (
                    <div data-heatmap={view}>
                      <DataTable
                        columnContentTypes={[
                          "text",
                          "numeric",
                          ...Array.from({ length: offsets }, () => "numeric" as const),
                        ]}
                        headings={["Cohort", "Customers", ...Array.from({ length: offsets }, (_, m) => `Month ${m}`)]}
                        rows={heatRows}
                        increasedTableDensity
                      />
                    </div>
                  )}
                </BlockStack>
              </Card>
            </div>
            <Layout>
              <Layout.Section>
                <div data-section="ltv-curves">
                  <TimeSeriesChart title="Lifetime value by cohort" labels={curves.labels} series={curves.series} />
                </div>
              </Layout.Section>
              <Layout.Section variant="oneThird">
                <Card>
                  <ChoiceList
                    allowMultiple
                    title="Cohorts on the chart"
                    choices={withCustomers.map((c) => ({ label: month(c.cohort), value: c.cohort }))}
                    selected={selected}
                    onChange={setChosen}
                  />
                </Card>
              </Layout.Section>
              <Layout.Section variant="oneHalf">
                <BlockStack gap="200">
                  <div data-section="time-to-second-order">
                    <TimeSeriesChart title="Time to second order" labels={histogram.labels} series={histogram.series} />
                  </div>
                  <Box>
                    <CsvDownloadButton
                      path={`/api/insights/repeat-purchase?${apiQuery}`}
                      filename={`repeat-purchase_${range.from}_${range.to}.csv`}
                      label="Time to second order CSV"
                    />
                  </Box>
                </BlockStack>
              </Layout.Section>
              <Layout.Section variant="oneHalf">
                <div data-section="first-product">
                  <Card>
                    <BlockStack gap="300">
                      <InlineStack align="space-between" blockAlign="center">
                        <MetricLabel metric="firstProductRepeat" />
                        <CsvDownloadButton
                          path={`/api/insights/first-product?${apiQuery}&limit=100`}
                          filename={`first-product_${range.from}_${range.to}.csv`}
                          label="CSV"
                        />
                      </InlineStack>
                      {data.products.length === 0 ? (
                        <Text as="p" tone="subdued">
                          No first orders in these months.
                        </Text>
                      ) : (
                        <DataTable
                          columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
                          headings={["First product", "Customers", "30 days", "60 days", "90 days", "180 days"]}
                          rows={data.products.map((p) => [
                            <FirstProductName key={p.id} product={p} sameTitle={sharedTitles.has(p.title ?? "")} />,
                            formatCount(p.customers, locale),
                            formatRate(p.rate30, locale),
                            formatRate(p.rate60, locale),
                            formatRate(p.rate90, locale),
                            formatRate(p.rate180, locale),
                          ])}
                        />
                      )}
                    </BlockStack>
                  </Card>
                </div>
              </Layout.Section>
            </Layout>
          </BlockStack>
        )}
      </BlockStack>
    </Page>
  );
}

/**
 * A first-product row's name: a link to the product in Shopify Admin (App Bridge's
 * `shopify://admin` protocol, in the top frame), with the handle beneath when another
 * row has the same title.
 */
function FirstProductName({
  product,
  sameTitle,
}: {
  product: { id: string; title: string | null; handle: string | null };
  sameTitle: boolean;
}) {
  return (
    <span data-product-id={product.id}>
      <Link url={`shopify://admin/products/${product.id}`} target="_top" removeUnderline>
        {product.title ?? `Product ${product.id}`}
      </Link>
      {sameTitle && product.handle && (
        <Text as="span" variant="bodySm" tone="subdued">
          {" "}
          ({product.handle})
        </Text>
      )}
    </span>
  );
}

/** A headline figure: its label opens the definition; `name` marks the value for tests and tools. */
function RetentionKpi({
  metric,
  name,
  note,
  children,
}: {
  metric: MetricKey;
  name: string;
  note: string;
  children: string;
}) {
  return (
    <Card>
      <BlockStack gap="100">
        <MetricLabel metric={metric} />
        <Text as="p" variant="headingLg">
          <span data-kpi={name}>{children}</span>
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {note}
        </Text>
      </BlockStack>
    </Card>
  );
}

export function ErrorBoundary() {
  return <InsightsErrorBoundary title="Retention" />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
