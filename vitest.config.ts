import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The stdio tests spawn the built server; a cold node start on a loaded 2-core machine can take a while.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The mirror's default folder (env-paths reads XDG_CACHE_HOME): tests never write to the real
    // cache folder. test/stdio-process.ts gives the servers it starts the same.
    env: { XDG_CACHE_HOME: join(tmpdir(), "hostelmate-mcp-test-cache") },
    // In CI a JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".ci/results.json" }]] : ["default"],
  },
});
