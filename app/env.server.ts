// The process's validated configuration (schema and derivations: env.ts). Read once
// at startup; a missing or malformed variable stops the process with one clear line
// naming it, instead of a stack trace from deep inside a library. Nothing else in
// app/ reads process.env.
import { ConfigError, parseEnv, type AppConfig } from "./env";

export { ConfigError, parseEnv, type AppConfig } from "./env";

function loadEnv(): AppConfig {
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

export const env: AppConfig = loadEnv();
