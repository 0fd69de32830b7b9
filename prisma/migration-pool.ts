import pg from "pg";

const PG_TYPE_NAME = 19;
const PG_TYPE_TEXT = 25;

// Workaround for prisma/orm#27403: with @prisma/adapter-pg the JS schema engine
// fails on columns of PostgreSQL type `name` ("Column type 'name' could not be
// deserialized") while introspecting during `migrate`. Reporting them as `text`
// (same wire format) is enough. Only the migration adapter uses this pool; the
// app's runtime client uses a plain one.
export class MigrationPool extends pg.Pool {
  // pg's overloads make a faithful override signature impractical; we only touch results.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) {
          if (field.dataTypeID === PG_TYPE_NAME) field.dataTypeID = PG_TYPE_TEXT;
        }
        return res;
      });
    }
    return result;
  }
}
