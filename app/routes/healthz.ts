import prisma from "~/db.server";

// Liveness + readiness for operators and tests: answers 200 only when the
// database answers.
export const loader = async () => {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
};
