// Validated configuration. Read once at startup; a missing or malformed variable
// stops the process with one clear line naming it, instead of a stack trace from
// deep inside a library.
import { z } from "zod";

const schema = z.object({
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: z.url(),
  SCOPES: z.string().min(1),
  // Unset: the embedded PostgreSQL (development and demos only).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  // Set: all Shopify HTTP goes to this simulator origin (see simulator/README.md).
  SHOPIFY_SIMULATOR_URL: z.url().optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type AppEnv = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Storepulse cannot start: ${problems.join("; ")}. See README.md, section "Configuration".`);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  // Treat empty strings like unset: `DATABASE_URL=` in a .env file means "none".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return cleaned[name] === undefined
        ? `missing environment variable ${name}`
        : `environment variable ${name} is invalid (${issue.message})`;
    });
    throw new ConfigError(problems);
  }
  if (result.data.SHOPIFY_SIMULATOR_URL && result.data.NODE_ENV === "production") {
    throw new ConfigError([
      "SHOPIFY_SIMULATOR_URL is set while NODE_ENV=production (the simulator is for development and tests only)",
    ]);
  }
  return result.data;
}

function loadEnv(): AppEnv {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export const env: AppEnv = loadEnv();
