import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseCommand } from "../../src/cli/config.js";
import { redactKey, runDoctor } from "../../src/cli/doctor.js";
import { startSandbox as startDemoSandbox } from "../../src/sandbox/server.js";
import { TEST_API_KEY } from "../helpers.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

async function doctor(env: Record<string, string>, argv: string[] = ["doctor"], nodeVersion?: string) {
  const command = parseCommand(argv, env);
  if (command.kind !== "doctor") throw new Error("expected the doctor command");
  let report = "";
  const code = await runDoctor({
    config: command.config,
    problems: command.problems,
    write: (text) => {
      report += text;
    },
    startDemo: () => startDemoSandbox(),
    machineZone: () => "Europe/Lisbon",
    ...(nodeVersion ? { nodeVersion } : {}),
  });
  return { code, report };
}

describe("hostelmate-mcp doctor", () => {
  it("passes a healthy setup, with the key redacted and the call's latency", async () => {
    const { code, report } = await doctor({
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url,
    });
    expect(code).toBe(0);
    expect(report).toMatch(/ok {4}API key hm_live_…1234 accepted/);
    expect(report).toMatch(/ok {4}Conversations feature enabled: 55 conversations/);
    expect(report).toMatch(/ok {4}one call to Hostel Mate took \d+ ms/);
    expect(report).toContain("All checks passed.");
    expect(report).not.toContain(TEST_API_KEY);
  });

  it("says which time zone is in force and why", async () => {
    const live = { HOSTELMATE_API_KEY: TEST_API_KEY, HOSTELMATE_API_URL: sandbox.url };
    expect((await doctor(live)).report).toContain(
      "  ok    time zone Europe/Lisbon (this computer's; set HOSTELMATE_TIMEZONE if the hostel is in another)\n",
    );
    const set = await doctor({ ...live, HOSTELMATE_TIMEZONE: "asia/tokyo" });
    expect(set.code).toBe(0);
    expect(set.report).toContain("  ok    time zone Asia/Tokyo (HOSTELMATE_TIMEZONE)\n");
    const wrong = await doctor({ ...live, HOSTELMATE_TIMEZONE: "Tokyo" });
    expect(wrong.code).toBe(1);
    expect(wrong.report).toContain(
      "  skip  time zone: not chosen, because HOSTELMATE_TIMEZONE has a problem (above)\n",
    );
  });

  it("says the key was rejected and how to fix it", async () => {
    const { code, report } = await doctor({
      HOSTELMATE_API_KEY: "hm_live_OLD_KEY_9f8e7d6c0000",
      HOSTELMATE_API_URL: sandbox.url,
    });
    expect(code).toBe(1);
    expect(report).toMatch(
      /FAIL {2}API key hm_live_…0000 rejected\n {8}fix: Hostel Mate rejected the API key \(HTTP 401\)/,
    );
    expect(report).not.toContain("OLD_KEY");
  });

  it("says the Conversations feature is off", async () => {
    sandbox.faults.featureDisabled = true;
    const { code, report } = await doctor({
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url,
    });
    expect(code).toBe(1);
    expect(report).toMatch(/FAIL {2}Conversations feature is off\n.*Ask Hostel Mate support to enable it/);
  });

  it("reports an outage without retrying", async () => {
    sandbox.faults.failures.push({ status: 503, times: Infinity, error: "messaging_unavailable" });
    const { code, report } = await doctor({
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url,
    });
    expect(code).toBe(1);
    expect(report).toMatch(
      /FAIL {2}a call to Hostel Mate failed\n.*messaging service is temporarily unavailable/,
    );
    expect(sandbox.requests).toHaveLength(1);
  });

  it("reports every configuration problem and an old Node", async () => {
    const { code, report } = await doctor({ HOSTELMATE_TIMEZONE: "Mars/Olympus" }, ["doctor"], "20.20.2");
    expect(code).toBe(1);
    expect(report).toContain("FAIL  Node.js 20.20.2 is too old");
    expect(report).toMatch(/FAIL {2}configuration\n {8}fix: HOSTELMATE_API_KEY is not set/);
    expect(report).toMatch(/FAIL {2}configuration\n {8}fix: HOSTELMATE_TIMEZONE must be an IANA time zone/);
    expect(report).toMatch(/problems found: fix them and run hostelmate-mcp doctor again\.\n$/);
  });

  it("sends nothing anywhere when the URL is plain http to another machine, and says why", async () => {
    // 0.0.0.0 reaches this machine's sandbox, but by the rule it is not loopback: were the key sent,
    // the sandbox would record it.
    const { code, report } = await doctor({
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url.replace("127.0.0.1", "0.0.0.0"),
    });
    expect(sandbox.requests).toEqual([]);
    expect(code).toBe(1);
    expect(report).toMatch(/FAIL {2}configuration\n {8}fix: HOSTELMATE_API_URL must start with https:\/\//);
    expect(report).toContain(
      "skip  DNS, network, API key, Conversations feature and latency: not checked, because HOSTELMATE_API_URL has a problem",
    );
    expect(report).not.toMatch(/accepted|connected to/);
    expect(report).not.toContain(TEST_API_KEY);
  });

  it("stays off the network with an unsafe URL even when handed no problems", async () => {
    const command = parseCommand(["doctor"], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url,
    });
    if (command.kind !== "doctor") throw new Error("expected the doctor command");
    let report = "";
    const code = await runDoctor({
      config: { ...command.config, apiUrl: sandbox.url.replace("127.0.0.1", "0.0.0.0") },
      problems: [],
      write: (text) => {
        report += text;
      },
    });
    expect(sandbox.requests).toEqual([]);
    expect(code).toBe(1);
    expect(report).toMatch(/FAIL {2}configuration\n {8}fix: HOSTELMATE_API_URL must start with https:\/\//);
  });

  it("checks a missing notes file", async () => {
    const { code, report } = await doctor({
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url,
      HOSTELMATE_PROPERTY_NOTES: "/nonexistent/notes.md",
    });
    expect(code).toBe(1);
    expect(report).toContain(
      "FAIL  property notes\n        fix: the property notes file /nonexistent/notes.md does not exist",
    );
  });

  it("fails a notes file that is a PDF, saying to save it as text rather than to fix the path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hostelmate-doctor-"));
    try {
      const path = join(dir, "hostel-notes.pdf");
      await writeFile(path, "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\n", "latin1");
      const { code, report } = await doctor({ HOSTELMATE_PROPERTY_NOTES: path }, ["doctor", "--demo"]);
      expect(code).toBe(1);
      expect(report).toContain(
        `FAIL  property notes\n        fix: the property notes file ${path} is a PDF, not plain text: copy its text into a .txt or .md file\n`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fails a relative notes path even where it happens to exist, and does not read it", async () => {
    // README.md is found from the test's folder, as notes/good.md was from the operator's terminal;
    // Claude Desktop starts the server in another folder, where it is not.
    const { code, report } = await doctor({ HOSTELMATE_PROPERTY_NOTES: "README.md" }, ["doctor", "--demo"]);
    expect(code).toBe(1);
    expect(report).toContain(
      'FAIL  configuration\n        fix: HOSTELMATE_PROPERTY_NOTES must be the full path of the file, like /Users/you/Documents/hostel-notes.md or C:\\Users\\you\\Documents\\hostel-notes.txt, not "README.md", which depends on the folder the server starts in.',
    );
    expect(report).toContain(
      "skip  property notes: not read, because HOSTELMATE_PROPERTY_NOTES has a problem (above)",
    );
    expect(report).toContain("1 problem found");
  });

  it("reads a notes path pasted with quotes around it", async () => {
    const path = join(process.cwd(), "README.md");
    const { code, report } = await doctor({ HOSTELMATE_PROPERTY_NOTES: `"${path}"` }, ["doctor", "--demo"]);
    expect(code).toBe(0);
    expect(report).toContain(`ok    property notes: ${path} (`);
  });

  it("works against the demo's sample API, saying the demo uses no key", async () => {
    // A key set beside --demo is not used either.
    for (const env of [{}, { HOSTELMATE_API_KEY: TEST_API_KEY }] as Array<Record<string, string>>) {
      const { code, report } = await doctor(env, ["doctor", "--demo"]);
      expect(code).toBe(0);
      expect(report).toMatch(/^hostelmate-mcp doctor \(demo: the built-in sample API\)/);
      expect(report).toContain("ok    configuration: API sample data, no key (the demo uses none), timeout");
      expect(report).toContain("ok    the sample API answered (the demo uses no key)\n");
      expect(report).toMatch(/ok {4}one call to the sample API took \d+ ms/);
      expect(report).not.toMatch(/key \(not set\)|API key .* accepted|hm_sandbox/);
    }
  });

  it("shows at most the last four characters of a key, and of a short key only its length", () => {
    expect(redactKey("hm_live_9f8e7d6c5b4a3210")).toBe("hm_live_…3210");
    expect(redactKey("abcdefghijklmnop")).toBe("…mnop");
    // A prefix of another shape is part of the secret: shown whole, it left only the last four hidden.
    expect(redactKey("prod_abcdefghijklmnopqrstuv_wxyz")).toBe("…wxyz");
    expect(redactKey("hm_sandbox_demo_key")).toBe("…_key");
    // Short keys: 7 of these 12 characters were shown.
    expect(redactKey("abc123def456")).toBe("(set, 12 characters)");
    expect(redactKey("hm_live_abcd1234")).toBe("(set, 16 characters, starting hm_live_)");
    expect(redactKey("short")).toBe("(set, 5 characters)");
    expect(redactKey("")).toBe("(not set)");
    for (const key of [
      "hm_live_9f8e7d6c5b4a3210",
      "prod_abcdefghijklmnopqrstuv_wxyz",
      "sk-proj-0123456789abcdefABCDEF",
      "abcdefghijklmnop",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    ]) {
      const shown = redactKey(key)
        .replace(/^hm_live_/, "")
        .replace(/[…]/g, "");
      expect({ key, shown: shown.length <= 4 }).toEqual({ key, shown: true });
      expect(key.endsWith(shown)).toBe(true);
    }
  });

  it("keeps a key of an unexpected shape out of the whole report", async () => {
    const key = "prod_abcdefghijklmnopqrstuv_wxyz";
    const { code, report } = await doctor({ HOSTELMATE_API_KEY: key, HOSTELMATE_API_URL: sandbox.url });
    expect(code).toBe(1);
    expect(report).toContain("FAIL  API key …wxyz rejected");
    expect(report).not.toContain("abcdefghijklmnopqrstuv");
    expect(report).toContain("key …wxyz, timeout");
  });
});
