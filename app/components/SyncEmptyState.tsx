// Before the first sync completes there is nothing true to show: say so, with progress,
// instead of zeros that look like real numbers.
import { BlockStack, Card, EmptyState, ProgressBar, Text } from "@shopify/polaris";

export interface SyncProgressProps {
  status: "pending" | "running" | "completed" | "failed";
  progress: number | null;
  lastError: string | null;
}

export function SyncEmptyState({ status, progress, lastError }: SyncProgressProps) {
  return (
    <Card>
      <EmptyState
        heading={status === "failed" ? "The first sync of your store failed" : "Your store's data is being imported"}
        action={{ content: "View sync status", url: "/app/sync" }}
        image=""
      >
        <BlockStack gap="300">
          <Text as="p">
            Storepulse shows figures once your orders, customers and products have been imported from Shopify.
          </Text>
          {status !== "failed" && (
            <div aria-label="Import progress">
              <ProgressBar progress={Math.round((progress ?? 0) * 100)} size="small" />
              <Text as="p" variant="bodySm" tone="subdued">
                {progress === null ? "Starting…" : `${Math.round(progress * 100)}% imported`}
              </Text>
            </div>
          )}
          {lastError && (
            <Text as="p" tone="critical">
              {lastError}
            </Text>
          )}
        </BlockStack>
      </EmptyState>
    </Card>
  );
}
