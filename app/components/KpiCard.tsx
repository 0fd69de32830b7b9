// One headline figure with its change against the previous period; its title opens the
// figure's definition.
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { METRIC_DEFINITIONS, type MetricKey } from "~/insights/definitions";
import { formatRate, relativeChange } from "./format";
import { MetricLabel } from "./MetricLabel";

export interface KpiCardProps {
  /** The figure: its label is the card's title, which opens its definition. */
  metric: MetricKey;
  value: string;
  /** Numeric current/previous values for the delta (money parsed from decimal strings). */
  current: number;
  previous: number;
  previousLabel: string;
  locale: string;
  /** For rates the delta is shown in percentage points rather than relative change. */
  kind?: "amount" | "rate";
}

export function KpiCard({ metric, value, current, previous, previousLabel, locale, kind = "amount" }: KpiCardProps) {
  let delta: string | null;
  let tone: "success" | "critical" | undefined;
  if (kind === "rate") {
    const points = (current - previous) * 100;
    delta = `${points >= 0 ? "+" : ""}${points.toFixed(1)} pts`;
    tone = points > 0 ? "success" : points < 0 ? "critical" : undefined;
  } else {
    const change = relativeChange(current, previous);
    delta = change === null ? null : `${change >= 0 ? "+" : ""}${formatRate(change, locale)}`;
    tone = change === null || change === 0 ? undefined : change > 0 ? "success" : "critical";
  }
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm" tone="subdued">
          <MetricLabel metric={metric} tone="subdued" />
        </Text>
        <Text as="p" variant="headingXl">
          <span data-kpi={METRIC_DEFINITIONS[metric].label}>{value}</span>
        </Text>
        <InlineStack gap="200" blockAlign="center">
          {delta === null ? <Badge>New</Badge> : <Badge tone={tone}>{delta}</Badge>}
          <Text as="span" variant="bodySm" tone="subdued">
            vs {previousLabel}
          </Text>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
