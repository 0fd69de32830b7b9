// Reads the app's shopify.app.toml: webhook API version and subscriptions,
// compliance topics, and the scopes the app requests.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

export interface WebhookSubscription {
  topics: string[];
  /** Absolute URL (relative uris in the toml are resolved against the app URL). */
  uri: string;
}

export interface WebhookConfig {
  apiVersion: string;
  subscriptions: WebhookSubscription[];
  /** Subscriptions for customers/data_request, customers/redact, shop/redact. */
  compliance: WebhookSubscription[];
}

export interface AppToml {
  clientId?: string;
  applicationUrl?: string;
  scopes: string[];
  webhooks: WebhookConfig;
}

export const EMPTY_WEBHOOK_CONFIG: WebhookConfig = { apiVersion: "2026-10", subscriptions: [], compliance: [] };

interface RawToml {
  client_id?: string;
  application_url?: string;
  access_scopes?: { scopes?: string };
  webhooks?: {
    api_version?: string;
    subscriptions?: Array<{ topics?: string[]; compliance_topics?: string[]; uri?: string }>;
  };
}

export function parseAppToml(text: string, appUrl: string): AppToml {
  const raw = parse(text) as RawToml;
  const resolve = (uri: string) =>
    new URL(uri, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString().replace(/(?<!:)\/\/+/g, "/");
  const subscriptions: WebhookSubscription[] = [];
  const compliance: WebhookSubscription[] = [];
  for (const sub of raw.webhooks?.subscriptions ?? []) {
    if (!sub.uri) continue;
    // A leading "/" is relative to the app URL's origin+path, like the Shopify CLI does.
    const uri = /^https?:\/\//.test(sub.uri) ? sub.uri : resolve(sub.uri.replace(/^\//, ""));
    if (sub.topics?.length) subscriptions.push({ topics: sub.topics, uri });
    if (sub.compliance_topics?.length) compliance.push({ topics: sub.compliance_topics, uri });
  }
  return {
    clientId: raw.client_id,
    applicationUrl: raw.application_url,
    scopes: (raw.access_scopes?.scopes ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    webhooks: { apiVersion: raw.webhooks?.api_version ?? "2026-10", subscriptions, compliance },
  };
}

export function loadAppToml(path: string, appUrl: string): AppToml {
  return parseAppToml(readFileSync(path, "utf8"), appUrl);
}
