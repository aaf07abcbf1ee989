// `npm run bundle`: builds hostelmate-mcp.mcpb, the one-click install for Claude Desktop. The bundle
// holds manifest.json, the built server (dist/: every dependency is bundled into it), a package.json
// that marks dist/ as ES modules, README.md and LICENSE — nothing else. Claude Desktop runs it with
// its own Node and asks the user for the settings in the manifest's user_config.
// `npm run bundle -- <output.mcpb>` writes elsewhere.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { packExtension } from "@anthropic-ai/mcpb";

export const BUNDLE_FILE = "hostelmate-mcp.mcpb";

/** Packs the current build (run `npm run build` first) into an .mcpb file at `output`. */
export async function buildBundle(output: string = BUNDLE_FILE): Promise<void> {
  const staging = await mkdtemp(join(tmpdir(), "hostelmate-mcpb-"));
  try {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as Record<string, unknown>;
    const manifest = JSON.parse(await readFile("manifest.json", "utf8")) as { version: string };
    if (manifest.version !== pkg.version)
      throw new Error(`manifest.json says version ${manifest.version}, package.json ${pkg.version}`);
    await cp("dist", join(staging, "dist"), { recursive: true });
    for (const file of ["manifest.json", "README.md", "LICENSE"]) await cp(file, join(staging, file));
    // Without "type": "module" Node would have to guess that dist/*.js are ES modules, at every start.
    const { name, version, description, license, type, engines } = pkg;
    await writeFile(
      join(staging, "package.json"),
      `${JSON.stringify({ name, version, description, license, type, engines }, null, 2)}\n`,
    );
    // packExtension validates the manifest with mcpb's own schema before it zips anything.
    if (!(await packExtension({ extensionPath: staging, outputPath: resolve(output), silent: true })))
      throw new Error(`mcpb could not pack the bundle (run npx mcpb validate manifest.json)`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const output = process.argv[2] ?? BUNDLE_FILE;
  await buildBundle(output);
  process.stdout.write(`${output}: open it with Claude Desktop to install (Settings → Extensions).\n`);
}
