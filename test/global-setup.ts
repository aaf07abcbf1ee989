// A cache folder of this run's own for the mirror's default place (env-paths reads XDG_CACHE_HOME),
// so that no test writes to the real cache folder and runs side by side do not share one; removed
// at the end. The workers and the servers they start (test/stdio-process.ts) inherit it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), "hostelmate-mcp-test-cache-"));
  process.env.XDG_CACHE_HOME = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
