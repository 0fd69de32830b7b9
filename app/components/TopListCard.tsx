import { BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { CsvDownloadButton } from "./CsvDownloadButton";

// A ranked list on the Overview (top customers, top products): heading, CSV of the
// longer list, and a table or the empty-period message.
export function TopListCard(props: {
  title: string;
  csvPath: string;
  csvFilename: string;
  emptyMessage: string;
  headings: [string, string, string];
  rows: ReactNode[][];
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {props.title}
          </Text>
          <CsvDownloadButton path={props.csvPath} filename={props.csvFilename} label="CSV" />
        </InlineStack>
        {props.rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {props.emptyMessage}
          </Text>
        ) : (
          <DataTable columnContentTypes={["text", "numeric", "numeric"]} headings={props.headings} rows={props.rows} />
        )}
      </BlockStack>
    </Card>
  );
}
