// The MCPB bundle for Claude Desktop: manifest.json passes mcpb's own schema and agrees with the
// package and the tool registry, every setting resolves the way Claude Desktop resolves it (mcpb's
// getMcpConfigForManifest is the code it uses), and the packed bundle, unpacked, serves the tools.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { getMcpConfigForManifest, MANIFEST_SCHEMAS, unpackExtension } from "@anthropic-ai/mcpb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle } from "../../scripts/bundle.js";
import { tools } from "../../src/tools/index.js";
import { VERSION } from "../../src/version.js";
import { TEST_API_KEY } from "../helpers.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";
import { initialize, runCommand, textOfResult } from "../stdio-process.js";

type Manifest = Parameters<typeof getMcpConfigForManifest>[0]["manifest"];
const raw = JSON.parse(await readFile("manifest.json", "utf8")) as Record<string, unknown>;
const pkg = JSON.parse(await readFile("package.json", "utf8")) as { name: string; version: string };

let workDir: string;
let sandbox: Sandbox;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "hostelmate-mcpb-test-"));
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
});
afterAll(async () => {
  await sandbox?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function resolveConfig(userConfig: Record<string, string>, extensionPath = "/Extensions/hostelmate") {
  return getMcpConfigForManifest({
    manifest: raw as Manifest,
    extensionPath,
    systemDirs: { HOME: "/home/guest", DESKTOP: "/home/guest/Desktop", DOCUMENTS: "/home/guest/Documents" },
    userConfig,
    pathSeparator: "/",
  });
}

describe("manifest.json", () => {
  it("passes mcpb's schema for its manifest version", () => {
    const version = raw.manifest_version as keyof typeof MANIFEST_SCHEMAS;
    expect(Object.keys(MANIFEST_SCHEMAS)).toContain(version);
    const result = MANIFEST_SCHEMAS[version].safeParse(raw);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("has the package's name and version and lists exactly the registry's tools", () => {
    expect(raw).toMatchObject({ name: pkg.name, version: pkg.version });
    expect(pkg.version).toBe(VERSION);
    const listed = (raw.tools as Array<{ name: string; description: string }>).map((tool) => tool.name);
    expect(listed).toEqual(tools.map((tool) => tool.name));
  });

  it("asks for the key as a required secret, and for the API address, notes file and time zone", () => {
    expect(raw.user_config).toMatchObject({
      api_key: { type: "string", sensitive: true, required: true },
      api_url: { type: "string", required: false, default: "https://api.hostelmate.co" },
      property_notes: { type: "file", required: false },
      time_zone: { type: "string", required: false, default: "" },
    });
  });

  it("starts nothing without a key, and with only a key leaves no placeholder in the server's settings", async () => {
    expect(await resolveConfig({})).toBeUndefined();
    const config = await resolveConfig({ api_key: "hm_live_abcd1234efgh" });
    expect(config).toEqual({
      command: "node",
      args: ["/Extensions/hostelmate/dist/index.js"],
      env: {
        HOSTELMATE_API_KEY: "hm_live_abcd1234efgh",
        HOSTELMATE_API_URL: "https://api.hostelmate.co",
        // Empty means "not set" to the server: no notes file, not a file named "${user_config…}".
        HOSTELMATE_PROPERTY_NOTES: "",
        // Empty too: this computer's zone, which is the hostel's when the manager runs Claude Desktop there.
        HOSTELMATE_TIMEZONE: "",
      },
    });
  });
});

describe("hostelmate-mcp.mcpb", () => {
  it("holds only the server, its manifest, README and LICENSE, and serves the tools as Claude Desktop starts it", async () => {
    const bundle = join(workDir, "hostelmate-mcp.mcpb");
    await buildBundle(bundle);
    const unpacked = join(workDir, "unpacked");
    expect(await unpackExtension({ mcpbPath: bundle, outputDir: unpacked, silent: true })).toBe(true);
    const files = (await readdir(unpacked, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(unpacked, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .sort();
    expect(files.filter((file) => !/^dist\/.+\.js$/.test(file))).toEqual([
      "LICENSE",
      "README.md",
      "manifest.json",
      "package.json",
    ]);
    expect(files).toContain("dist/index.js");
    expect(JSON.parse(await readFile(join(unpacked, "package.json"), "utf8"))).toMatchObject({
      type: "module",
      version: VERSION,
    });

    const config = await resolveConfig({ api_key: TEST_API_KEY, api_url: sandbox.url }, unpacked);
    if (!config) throw new Error("no MCP config for a bundle with its key set");
    // Claude Desktop runs "node" with its own Node; here it is the Node running the tests.
    const command = config.command === "node" ? process.execPath : config.command;
    const server = runCommand(command, config.args ?? [], { PATH: process.env.PATH ?? "", ...config.env });
    const init = await initialize(server);
    expect(init.result).toMatchObject({ serverInfo: { name: "hostelmate-mcp", version: VERSION } });
    const answer = await server.request("tools/call", {
      name: "list_conversations",
      arguments: { limit: 2 },
    });
    expect(textOfResult(answer)).toMatch(/^Conversations 1-2 of \d+/);
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    expect(server.stderr()).not.toMatch(/warn|error/);
  }, 60_000);
});
