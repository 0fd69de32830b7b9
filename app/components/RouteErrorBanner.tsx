// Error display for insights pages. Responses thrown by Shopify's authentication
// (redirects out of the iframe, 401s with retry headers) go to Shopify's boundary.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { Banner, Page } from "@shopify/polaris";

export function InsightsErrorBoundary({ title }: { title: string }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status !== 404 && error.status !== 500) return boundary.error(error);
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${typeof error.data === "string" ? error.data : error.statusText}`
    : error instanceof Error
      ? error.message
      : "Unknown error";
  return (
    <Page title={title}>
      <Banner tone="critical" title="This page could not be loaded">
        <p>{message}</p>
        <p>Reload the page to try again. If it keeps failing, check the sync status page.</p>
      </Banner>
    </Page>
  );
}
