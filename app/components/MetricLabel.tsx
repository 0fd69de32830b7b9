// A figure's label that opens its definition (the words of docs/metrics.md, from
// app/insights/definitions.ts) in a popover: one click from any KPI or breakdown line.
import { useCallback, useState } from "react";
import { BlockStack, Box, Link, Popover, Text } from "@shopify/polaris";
import { METRIC_DEFINITIONS, type MetricKey } from "~/insights/definitions";

const color = (tone?: "subdued") => (tone === "subdued" ? "var(--p-color-text-secondary)" : undefined);

export function MetricLabel({ metric, tone }: { metric: MetricKey; tone?: "subdued" }) {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((value) => !value), []);
  const close = useCallback(() => setOpen(false), []);
  const { label, definition } = METRIC_DEFINITIONS[metric];
  return (
    <Popover
      active={open}
      onClose={close}
      preferredAlignment="left"
      activator={
        // A link-styled button: the label stays text-sized; the dotted underline says
        // "there is more to read here", as in Shopify Analytics.
        <Link monochrome removeUnderline onClick={toggle} accessibilityLabel={`${label}: definition`}>
          <span style={{ textDecoration: "underline dotted", textUnderlineOffset: "3px", color: color(tone) }}>
            {label}
          </span>
        </Link>
      }
    >
      <Box padding="400" maxWidth="340px">
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {label}
          </Text>
          <Text as="p" variant="bodyMd">
            <span data-definition={metric}>{definition}</span>
          </Text>
        </BlockStack>
      </Box>
    </Popover>
  );
}
