// Where the time went in a V8 CPU profile (node --cpu-prof): self time by function and
// by source file, heaviest first. `npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]`
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export function summariseProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(/^file:\/\/.*?\/(node_modules|app|scripts|simulator)\//, "$1/") || "(native)";
    byFunction.set(
      `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`,
      (byFunction.get(`${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`) ?? 0) + us,
    );
    const group = where.startsWith("node_modules/")
      ? where
          .split("/")
          .slice(0, where.split("/")[1]!.startsWith("@") ? 3 : 2)
          .join("/")
      : where;
    byFile.set(group, (byFile.get(group) ?? 0) + us);
  }
  const lines = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`,
      )
      .join("\n");
  return `total sampled ${(total / 1e6).toFixed(1)} s\n-- by file/package --\n${lines(byFile)}\n-- by function --\n${lines(byFunction)}`;
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  console.log(summariseProfile(process.argv[2]!, Number(process.argv[3] ?? 25)));
}
