import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The stdio tests spawn the built server; a cold node start on a loaded 2-core machine can take a while.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The mirror's default folder: a cache folder of the run's own, never the real one.
    globalSetup: ["test/global-setup.ts"],
    // In CI a JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".ci/results.json" }]] : ["default"],
  },
});
