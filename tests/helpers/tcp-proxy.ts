// A TCP relay in front of a database, so a test can cut every connection through it at
// once — on the embedded PGlite (one backend, no pg_terminate_backend for a client) this
// is the closest thing to PostgreSQL terminating the app's backends — or hold one
// statement back (the process that sent it waits for its answer: a kill then lands
// exactly while that write is in flight).
import net from "node:net";

export interface TcpProxy {
  /** postgresql://… URL of the target with host:port replaced by the relay's. */
  url: string;
  /** Destroy every open connection (both sides); new connections keep working. */
  cut(): number;
  /**
   * Cut every connection the moment a client next sends something (a statement in flight:
   * it never reaches the database and its caller sees the connection die) — with `match`,
   * the next thing whose bytes match it (e.g. an INSERT into one table). Resolves with the
   * number of connections cut.
   */
  cutOnNextStatement(match?: RegExp): Promise<number>;
  /**
   * Stop forwarding a client's bytes from the first message matching `match` on: that
   * statement never reaches the database and its connection waits for an answer until the
   * client goes away. Resolves once a statement is held.
   */
  holdStatement(match: RegExp): Promise<void>;
  close(): Promise<void>;
}

interface Trap {
  match: RegExp | null;
  action: "cut" | "hold";
  resolve(connections: number): void;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const open = new Set<net.Socket>();
  let trap: Trap | null = null;
  const cutAll = () => {
    const n = open.size / 2;
    for (const socket of [...open]) socket.destroy();
    open.clear();
    return n;
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    let held = false;
    // The end of the previous chunk, so a match split across two chunks is still seen.
    let tail = "";
    client.on("data", (chunk: Buffer) => {
      if (held) return;
      const text = tail + chunk.toString("latin1");
      tail = text.slice(-256);
      if (trap && (trap.match === null || trap.match.test(text))) {
        const sprung = trap;
        trap = null;
        if (sprung.action === "cut") {
          sprung.resolve(cutAll());
          return;
        }
        held = true;
        sprung.resolve(1);
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    cut: cutAll,
    cutOnNextStatement: (match) =>
      new Promise<number>((resolve) => (trap = { match: match ?? null, action: "cut", resolve })),
    holdStatement: (match) =>
      new Promise<void>((resolve) => (trap = { match, action: "hold", resolve: () => resolve() })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
