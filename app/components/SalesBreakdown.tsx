// Total sales broken down as Shopify's Sales report does: gross sales, discounts and
// returns (taken off, shown negative), net sales, then shipping, duties, additional fees
// and taxes up to total sales; tips and gift card sales below, outside total sales.
// Every label opens its definition.
import { BlockStack, Box, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import { REPORTED_APART, SALES_BREAKDOWN, type MetricKey } from "~/insights/definitions";
import type { SummaryTotals } from "~/insights/queries";
import { MetricLabel } from "./MetricLabel";

/** Figures the report subtracts: shown with a minus sign (the API reports them positive). */
const TAKEN_OFF = new Set<MetricKey>(["discounts", "returns"]);
/** Subtotals: bold, after a rule. */
const SUBTOTALS = new Set<MetricKey>(["netSales", "totalSales"]);

type BreakdownKey = keyof SummaryTotals & MetricKey;

function signed(key: MetricKey, amount: string): string {
  if (!TAKEN_OFF.has(key) || /^0+(\.0+)?$/.test(amount)) return amount;
  return amount.startsWith("-") ? amount.slice(1) : `-${amount}`;
}

function Line({ metric, amount, money }: { metric: BreakdownKey; amount: string; money: (a: string) => string }) {
  const strong = SUBTOTALS.has(metric);
  return (
    <InlineStack align="space-between" blockAlign="center" wrap={false}>
      <MetricLabel metric={metric} />
      <Text as="span" variant="bodyMd" fontWeight={strong ? "semibold" : "regular"} numeric>
        <span data-breakdown={metric}>{money(signed(metric, amount))}</span>
      </Text>
    </InlineStack>
  );
}

export function SalesBreakdown({ totals, money }: { totals: SummaryTotals; money: (amount: string) => string }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Total sales breakdown
        </Text>
        <BlockStack gap="200">
          {(SALES_BREAKDOWN as BreakdownKey[]).map((metric) => (
            <BlockStack key={metric} gap="200">
              {SUBTOTALS.has(metric) && <Divider />}
              <Line metric={metric} amount={totals[metric] as string} money={money} />
            </BlockStack>
          ))}
        </BlockStack>
        <Box paddingBlockStart="200">
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm" tone="subdued">
              Not in total sales
            </Text>
            {(REPORTED_APART as BreakdownKey[]).map((metric) => (
              <Line key={metric} metric={metric} amount={totals[metric] as string} money={money} />
            ))}
          </BlockStack>
        </Box>
      </BlockStack>
    </Card>
  );
}
