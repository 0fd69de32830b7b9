import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

// Shopify opens the app at its root URL with shop/host/id_token; the app lives under /app.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) {
    throw redirect(`/app?${url.searchParams.toString()}`);
  }
  return new Response("Storepulse is a Shopify app. Open it from your store's admin (Apps → Storepulse).", {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
