// Embedded PostgreSQL for development, demos and the default test run: PGlite
// (PostgreSQL compiled to WASM) served over the PostgreSQL wire protocol on a
// loopback port, so Prisma, `pg` and `prisma migrate deploy` use it exactly like a
// real server. Production uses a real PostgreSQL through DATABASE_URL.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  /** Directory holding the database files; `memory://` for a throwaway database. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
}): Promise<EmbeddedPostgres> {
  if (!options.dataDir.startsWith("memory://")) {
    mkdirSync(options.dataDir, { recursive: true });
  }
  const db = await PGlite.create(options.dataDir);
  // PGlite has one backend: the socket server queues clients instead of refusing them.
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 100,
  });
  keepExtendedQueriesTogether(server);
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:<port>"
  return {
    connectionString: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

const READY_FOR_QUERY = 0x5a; // 'Z'

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/**
 * PGlite has one backend, and pglite-socket 0.2.17 queues each client's protocol
 * messages one by one. Between one client's Parse/Bind/Execute and its Sync,
 * another client's messages could run and clobber the unnamed statement and
 * portal: under concurrent load rows went missing and queries failed. (The library
 * only keeps a client's messages together inside a transaction.) Here a client
 * keeps the backend from its first message until the backend answers
 * ReadyForQuery outside a transaction. This replaces private methods of the
 * library's queue; re-check on upgrade and drop once fixed upstream.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let owner: number | null = null;

  const clearForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clearForHandler(handlerId);
    if (owner !== handlerId) return;
    // The client went away holding the backend (a crashed process, a cut connection).
    // Inside a transaction, roll it back before anyone else runs: otherwise the next
    // client's statements run inside the dead client's transaction and the backend
    // never leaves it (the library's own rollback on detach keys on its
    // lastHandlerId, which this queue does not maintain). The owner stays set
    // meanwhile, so nothing else is processed before the rollback.
    void (async () => {
      if (queue.db.isInTransaction()) {
        await queue.db.exec("ROLLBACK").catch(() => {});
      }
      owner = null;
      void queue.processQueue();
    })();
  };

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        const reply = backendMessageTracker();
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                reply.feed(data);
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          owner = null;
          item.reject(error);
          continue;
        }
        owner = reply.endsReady() && !this.db.isInTransaction() ? null : item.handlerId;
        item.resolve(reply.bytes());
      }
    } finally {
      this.processing = false;
    }
  };
}

/** Follows backend message boundaries (type byte + int32 length) across chunks. */
function backendMessageTracker() {
  let header: number[] = [];
  let remaining = 0;
  let lastType = 0;
  let total = 0;
  return {
    feed(chunk: Uint8Array) {
      total += chunk.length;
      let i = 0;
      while (i < chunk.length) {
        if (remaining > 0) {
          const skip = Math.min(remaining, chunk.length - i);
          remaining -= skip;
          i += skip;
          continue;
        }
        header.push(chunk[i++]!);
        if (header.length === 5) {
          lastType = header[0]!;
          remaining = ((header[1]! << 24) | (header[2]! << 16) | (header[3]! << 8) | header[4]!) - 4;
          header = [];
        }
      }
    },
    endsReady: () => lastType === READY_FOR_QUERY && remaining === 0 && header.length === 0,
    bytes: () => total,
  };
}
