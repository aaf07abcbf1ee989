// Where a property's mirror goes, and that the tests never point at the real cache folder.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultMirrorFolder, mirrorFileName, mirrorLocation } from "../../src/mirror/location.js";
import { TEST_CACHE_HOME } from "../stdio-process.js";

const KEY = "hm_live_0123456789abcdefSECRET";
const URL = "https://api.hostelmate.co";

describe("the mirror's location", () => {
  it("is under the temp folder in every test, and in the servers the tests start", () => {
    expect(defaultMirrorFolder().startsWith(tmpdir())).toBe(true);
    expect(TEST_CACHE_HOME.startsWith(tmpdir())).toBe(true);
    // env-paths' convention on Linux: $XDG_CACHE_HOME/<name>.
    if (process.platform === "linux")
      expect(defaultMirrorFolder()).toBe(join(TEST_CACHE_HOME, "hostelmate-mcp"));
  });

  it("names a property's file by a hash of the API address and key, which gives neither away", () => {
    const name = mirrorFileName(URL, KEY);
    expect(name).toMatch(/^mirror-[0-9a-f]{16}\.db$/);
    expect(mirrorFileName(URL, KEY)).toBe(name);
    expect(mirrorFileName(URL, `${KEY}x`)).not.toBe(name);
    expect(mirrorFileName("https://proxy.example.com", KEY)).not.toBe(name);
    for (let start = 0; start + 6 <= KEY.length; start++)
      expect(name).not.toContain(KEY.slice(start, start + 6));
  });

  it("is off when off, in memory for the demo, the path set, or the default folder's file", () => {
    const settings = { mode: "live" as const, apiUrl: URL, apiKey: KEY, mirror: undefined };
    expect(mirrorLocation({ ...settings, mirror: "off" })).toEqual({ kind: "off" });
    expect(mirrorLocation({ ...settings, mode: "demo" })).toEqual({ kind: "memory" });
    expect(mirrorLocation({ ...settings, mode: "demo", mirror: "/srv/m.db" })).toEqual({ kind: "memory" });
    expect(mirrorLocation({ ...settings, mirror: "/srv/m.db" })).toEqual({
      kind: "file",
      path: "/srv/m.db",
      ownFolder: false,
    });
    expect(mirrorLocation(settings, "/cache/hostelmate-mcp")).toEqual({
      kind: "file",
      path: join("/cache/hostelmate-mcp", mirrorFileName(URL, KEY)),
      ownFolder: true,
    });
  });
});
