import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_API_URL, parseCommand, USAGE } from "../../src/cli/config.js";
import { ConfigError } from "../../src/errors/input.js";
import { resolveNotesPath } from "../../src/notes/notes-path.js";

function problems(argv: string[], env: Record<string, string>): readonly string[] {
  try {
    parseCommand(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseCommand", () => {
  it("serves the live API with a key and defaults", () => {
    expect(parseCommand([], { HOSTELMATE_API_KEY: " hm_live_abc " })).toEqual({
      kind: "serve",
      config: {
        mode: "live",
        apiKey: "hm_live_abc",
        apiUrl: DEFAULT_API_URL,
        timeoutMs: 10_000,
        logLevel: "info",
        propertyNotesPath: undefined,
        // This computer's zone, read when a time is first printed: not at start.
        timeZone: undefined,
        callBudgetMs: 30_000,
        rateLimitPerMinute: 120,
        cacheTtlMs: 30_000,
        // The mirror in this user's cache folder, checked against Hostel Mate at least every minute.
        mirror: undefined,
        syncIntervalS: 60,
      },
    });
  });

  it("lets the demo's mirror sync at ten times Hostel Mate's limit, unless the limit is set", () => {
    const demo = parseCommand(["--demo"], {});
    expect(demo.kind === "serve" && demo.config.rateLimitPerMinute).toBe(1_200);
    const set = parseCommand(["--demo"], { HOSTELMATE_RATE_LIMIT: "60" });
    expect(set.kind === "serve" && set.config.rateLimitPerMinute).toBe(60);
  });

  it("needs no key in demo mode", () => {
    const command = parseCommand(["--demo"], {});
    expect(command.kind === "serve" && command.config.mode).toBe("demo");
  });

  it("names HOSTELMATE_API_KEY and --demo when the key is missing", () => {
    const [problem] = problems([], {});
    expect(problem).toContain("HOSTELMATE_API_KEY");
    expect(problem).toContain("--demo");
  });

  it("reports every problem at once", () => {
    const found = problems([], {
      HOSTELMATE_API_URL: "ftp://example.com",
      HOSTELMATE_TIMEOUT_MS: "soon",
      HOSTELMATE_LOG_LEVEL: "loud",
      HOSTELMATE_TIMEZONE: "Lisbon",
    });
    expect(found).toHaveLength(5);
    expect(found.join("\n")).toMatch(
      /HOSTELMATE_API_KEY[\s\S]*HOSTELMATE_API_URL[\s\S]*HOSTELMATE_TIMEOUT_MS[\s\S]*HOSTELMATE_LOG_LEVEL[\s\S]*HOSTELMATE_TIMEZONE/,
    );
  });

  it("says what each refused setting accepts, quoting it as set, and keeps the rest", () => {
    const env = {
      HOSTELMATE_API_KEY: "k",
      HOSTELMATE_TIMEOUT_MS: " 2.5 ",
      HOSTELMATE_LOG_LEVEL: "Loud",
      HOSTELMATE_TIMEZONE: " Lisbon",
      HOSTELMATE_CALL_BUDGET_MS: "1e3",
      HOSTELMATE_RATE_LIMIT: "-1",
      HOSTELMATE_CACHE_TTL_MS: "3600001",
    };
    expect(problems([], env)).toEqual([
      'HOSTELMATE_TIMEOUT_MS must be a whole number of milliseconds between 100 and 300000 (got " 2.5 "); the default is 10000.',
      'HOSTELMATE_LOG_LEVEL must be one of error, warn, info, debug (got "Loud").',
      'HOSTELMATE_TIMEZONE must be an IANA time zone name like Europe/Lisbon or America/New_York (got " Lisbon"); leave it unset to use this computer\'s zone.',
      'HOSTELMATE_RATE_LIMIT must be a whole number of requests per minute between 1 and 10000 (got "-1"); the default is 120.',
      'HOSTELMATE_CACHE_TTL_MS must be a whole number of milliseconds between 0 and 3600000 (got "3600001"); the default is 30000.',
    ]);
    // The doctor goes on with the defaults of the refused ones and the values of the others.
    const doctor = parseCommand(["doctor"], env);
    expect(doctor.kind === "doctor" && doctor.config).toMatchObject({
      timeoutMs: 10_000,
      logLevel: "info",
      timeZone: undefined,
      callBudgetMs: 1000,
      rateLimitPerMinute: 120,
      cacheTtlMs: 30_000,
    });
  });

  it("refuses plain http except on loopback, and trims a trailing slash", () => {
    expect(
      problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_API_URL: "http://api.hostelmate.co" })[0],
    ).toContain("https://");
    const command = parseCommand([], {
      HOSTELMATE_API_KEY: "k",
      HOSTELMATE_API_URL: "http://127.0.0.1:8080/",
    });
    expect(command.kind === "serve" && command.config.apiUrl).toBe("http://127.0.0.1:8080");
  });

  it.each([
    ["https://api.hostelmate.co/api/v1", "https://api.hostelmate.co"],
    ["https://api.hostelmate.co/api/v1/", "https://api.hostelmate.co"],
    ["https://api.hostelmate.co/API/V1/client/conversations", "https://api.hostelmate.co"],
    ["https://proxy.example.com/hostelmate/api/v1", "https://proxy.example.com/hostelmate"],
    ["https://proxy.example.com/hostelmate/", "https://proxy.example.com/hostelmate"],
    ["https://api", "https://api"],
    ["https://api.hostelmate.co/api", "https://api.hostelmate.co"],
  ])("takes the API's own path off a pasted base URL: %s", (pasted, base) => {
    const command = parseCommand([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_API_URL: pasted });
    expect(command.kind === "serve" && command.config.apiUrl).toBe(base);
  });

  it.each(["https://api.hostelmate.co/?", "https://api.hostelmate.co/#", "https://api.hostelmate.co/?x=1"])(
    "refuses a query or fragment, even an empty one: %s",
    (pasted) => {
      expect(problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_API_URL: pasted })).toEqual([
        "HOSTELMATE_API_URL must be a plain base URL, without user name, password, query or #fragment.",
      ]);
    },
  );

  it("takes the time zone from HOSTELMATE_TIMEZONE in its own spelling, else leaves it to this computer's", () => {
    const zoneOf = (value: string | undefined) => {
      const command = parseCommand([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_TIMEZONE: value });
      return command.kind === "serve" ? command.config.timeZone : "not served";
    };
    expect(zoneOf(" asia/tokyo ")).toBe("Asia/Tokyo");
    expect(zoneOf("UTC")).toBe("UTC");
    expect(zoneOf("")).toBeUndefined();
    expect(zoneOf("  ")).toBeUndefined();
    expect(zoneOf(undefined)).toBeUndefined();
    expect(problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_TIMEZONE: "Tokyo" })).toEqual([
      'HOSTELMATE_TIMEZONE must be an IANA time zone name like Europe/Lisbon or America/New_York (got "Tokyo"); leave it unset to use this computer\'s zone.',
    ]);
    expect(USAGE).toContain(
      "HOSTELMATE_TIMEZONE    the property's time zone, e.g. Europe/Lisbon (default: this computer's zone)",
    );
  });

  it("bounds the timeout", () => {
    expect(problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_TIMEOUT_MS: "50" })[0]).toContain(
      "between 100 and 300000",
    );
    const command = parseCommand([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_TIMEOUT_MS: "2500" });
    expect(command.kind === "serve" && command.config.timeoutMs).toBe(2500);
  });

  it("reads the budget, rate limit and cache settings, with 0 turning the cache off", () => {
    const command = parseCommand([], {
      HOSTELMATE_API_KEY: "k",
      HOSTELMATE_CALL_BUDGET_MS: "5000",
      HOSTELMATE_RATE_LIMIT: "60",
      HOSTELMATE_CACHE_TTL_MS: "0",
    });
    expect(command.kind === "serve" && command.config).toMatchObject({
      callBudgetMs: 5000,
      rateLimitPerMinute: 60,
      cacheTtlMs: 0,
    });
    expect(problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_RATE_LIMIT: "0" })[0]).toBe(
      'HOSTELMATE_RATE_LIMIT must be a whole number of requests per minute between 1 and 10000 (got "0"); the default is 120.',
    );
  });

  it("reads HOSTELMATE_MIRROR as off or a full path, and refuses a path that depends on the folder", () => {
    const mirrorOf = (value: string | undefined) => {
      const command = parseCommand([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_MIRROR: value });
      return command.kind === "serve" ? command.config.mirror : "not served";
    };
    expect(mirrorOf(undefined)).toBeUndefined();
    expect(mirrorOf(" ")).toBeUndefined();
    expect(mirrorOf(" OFF ")).toBe("off");
    expect(mirrorOf("/var/lib/hostel/mirror.db")).toBe("/var/lib/hostel/mirror.db");
    expect(mirrorOf('"/var/lib/hostel/mirror.db"')).toBe("/var/lib/hostel/mirror.db");
    expect(mirrorOf("~/hostel/mirror.db")).toBe(join(homedir(), "hostel", "mirror.db"));
    const refused = (value: string) => problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_MIRROR: value });
    expect(refused("mirror.db")).toEqual([
      "HOSTELMATE_MIRROR must be off (no copy of the conversations kept on this computer) or the full path of the mirror's database file, like /Users/you/hostelmate-mirror.db or C:\\Users\\you\\hostelmate-mirror.db (got \"mirror.db\"); leave it unset to keep the mirror in this computer's cache folder.",
    ]);
    expect(refused("false")).toHaveLength(1);
    expect(refused("/var/lib/hostel/")[0]).toContain('(got "/var/lib/hostel/")');
    expect(USAGE).toContain("HOSTELMATE_MIRROR      full path of the mirror's database file, or off");
  });

  it("reads HOSTELMATE_SYNC_INTERVAL_S as a positive whole number of seconds, 60 by default", () => {
    const command = parseCommand([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_SYNC_INTERVAL_S: "300" });
    expect(command.kind === "serve" && command.config.syncIntervalS).toBe(300);
    expect(problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_SYNC_INTERVAL_S: "0" })).toEqual([
      'HOSTELMATE_SYNC_INTERVAL_S must be a whole number of seconds between 1 and 86400 (got "0"); the default is 60.',
    ]);
    expect(problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_SYNC_INTERVAL_S: "1.5" })).toHaveLength(1);
    expect(USAGE).toContain("HOSTELMATE_SYNC_INTERVAL_S  the most seconds an answer from the mirror may lag");
  });

  it("takes forget and forget --all, with the problems for forget to judge, and --all with nothing else", () => {
    expect(parseCommand(["forget"], {})).toMatchObject({ kind: "forget", all: false });
    const all = parseCommand(["forget", "--all"], {});
    expect(all).toMatchObject({ kind: "forget", all: true });
    expect(all.kind === "forget" && all.problems[0]).toContain("HOSTELMATE_API_KEY is not set");
    expect(problems(["--all"], { HOSTELMATE_API_KEY: "k" })[0]).toContain(
      '--all goes only with forget ("hostelmate-mcp forget --all").',
    );
    expect(problems(["forget", "now"], {})[0]).toContain('Unexpected argument "now"');
  });

  it("rejects a key with whitespace inside", () => {
    expect(problems([], { HOSTELMATE_API_KEY: "hm_live abc" })[0]).toContain("spaces");
  });

  it.each([
    ["straight quotes", '"hm_live_abc123"'],
    ["curly quotes", "“hm_live_abc123”"],
    ["single curly quotes", "‘hm_live_abc123’"],
    ["the variable's name", "HOSTELMATE_API_KEY=hm_live_abc123"],
    ["an auth scheme inside quotes", '"Bearer hm_live_abc123"'],
    ["a zero-width space and a byte-order mark", "\uFEFFhm_live_abc123\u200B"],
    ["a trailing line break", "hm_live_abc123\r\n"],
    ["quotes with spaces inside them", "\"' hm_live_abc123 '\""],
  ])("takes off %s that a copy adds around the key", (_what, pasted) => {
    const command = parseCommand([], { HOSTELMATE_API_KEY: pasted });
    expect(command.kind === "serve" && command.config.apiKey).toBe("hm_live_abc123");
  });

  it("says which character cannot be in a key, instead of failing every call later", () => {
    expect(problems([], { HOSTELMATE_API_KEY: "hm_live\u2011abc" })).toEqual([
      'HOSTELMATE_API_KEY has a character no Hostel Mate key has, "\u2011" (U+2011) at position 8, which a word processor or web page may have put in. Copy the key again from Hostel Mate and paste it as plain text.',
    ]);
    expect(problems([], { HOSTELMATE_API_KEY: "hm_live_é" })[0]).toContain("(U+00E9) at position 9");
    expect(problems([], { HOSTELMATE_API_KEY: "hm_live_\u0001" })[0]).toContain("(U+0001)");
  });

  it("answers --help and --version before looking at the environment", () => {
    expect(parseCommand(["--help"], {})).toEqual({ kind: "help" });
    expect(parseCommand(["-v"], {})).toEqual({ kind: "version" });
  });

  it("names every command and option when given an unknown one", () => {
    const every =
      "hostelmate-mcp takes the commands doctor, sync and forget and the options --demo, --all (after forget), --help (-h) and --version (-v).";
    expect(problems(["--dmeo"], {})).toEqual([`Unknown option "--dmeo". ${every}`]);
    expect(problems(["-demo"], {})).toEqual([`Unknown option "-demo". ${every}`]);
    expect(problems(["doctr"], {})).toEqual([`Unexpected argument "doctr". ${every}`]);
    expect(problems(["doctor", "now"], {})).toEqual([`Unexpected argument "now". ${every}`]);
    // The sentence and --help agree.
    for (const word of ["doctor", "--demo", "--help", "--version"])
      expect(USAGE).toContain(`hostelmate-mcp ${word}`);
  });

  it("tells a long dash from two hyphens, and npx's -y from an option of ours", () => {
    expect(problems(["—demo"], {})).toEqual([
      '"—demo" starts with a long dash, not two hyphens (an editor or chat app may have changed them): write it as --demo.',
    ]);
    expect(problems(["–help"], {})[0]).toContain("write it as --help.");
    expect(problems(["-y"], {})[0]).toMatch(/^Unknown option "-y": it belongs to npx/);
    expect(parseCommand(["doctor", "--demo"], {}).kind).toBe("doctor");
    expect(parseCommand(["-hv"], {}).kind).toBe("help");
    expect(parseCommand(["--demo", "--"], {}).kind).toBe("serve");
  });
});

describe("the property notes path, as a non-developer writes it in a JSON config", () => {
  function notesPath(value: string): string | undefined {
    const command = parseCommand([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_PROPERTY_NOTES: value });
    return command.kind === "serve" ? command.config.propertyNotesPath : undefined;
  }

  it("expands a leading ~ to the home folder, as a shell would", () => {
    expect(notesPath("~/Documents/hostel-notes.md")).toBe(join(homedir(), "Documents/hostel-notes.md"));
    expect(notesPath(" ~/notes.md ")).toBe(join(homedir(), "notes.md"));
  });

  it.each([
    ['"/srv/hostel/notes.md"'],
    ["'/srv/hostel/notes.md'"],
    ["“/srv/hostel/notes.md”"],
    ["‘/srv/hostel/notes.md’"],
    ['  " /srv/hostel/notes.md "  '],
  ])("takes off one pair of quotes around %s", (value) => {
    expect(notesPath(value)).toBe("/srv/hostel/notes.md");
  });

  it("leaves quotes that do not pair, and then asks for a full path", () => {
    expect(
      problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_PROPERTY_NOTES: '"/srv/notes.md”' })[0],
    ).toContain("must be the full path");
  });

  it("treats an empty or quoted-empty path as not set", () => {
    expect(notesPath("")).toBeUndefined();
    expect(notesPath('""')).toBeUndefined();
  });

  it("refuses a relative path, with examples of a full one, both to serve and in the doctor", () => {
    const env = { HOSTELMATE_API_KEY: "k", HOSTELMATE_PROPERTY_NOTES: "notes/good.md" };
    expect(problems([], env)).toEqual([
      'HOSTELMATE_PROPERTY_NOTES must be the full path of the file, like /Users/you/Documents/hostel-notes.md or C:\\Users\\you\\Documents\\hostel-notes.txt, not "notes/good.md", which depends on the folder the server starts in.',
    ]);
    const doctor = parseCommand(["doctor"], env);
    expect(doctor.kind === "doctor" && doctor.problems).toEqual(problems([], env));
    expect(
      problems([], { HOSTELMATE_API_KEY: "k", HOSTELMATE_PROPERTY_NOTES: "~someone/notes.md" })[0],
    ).toContain('"~someone/notes.md"');
  });

  it("follows Windows rules on Windows: ~\\ expands, a drive path is full, a bare name is not", () => {
    const home = "C:\\Users\\ana";
    expect(resolveNotesPath("~\\Documents\\notes.txt", home, "win32")).toEqual({
      path: "C:\\Users\\ana\\Documents\\notes.txt",
    });
    expect(resolveNotesPath('"C:\\Users\\ana\\notes.txt"', home, "win32")).toEqual({
      path: "C:\\Users\\ana\\notes.txt",
    });
    expect(resolveNotesPath("notes.txt", home, "win32")?.problem).toContain("must be the full path");
    // Elsewhere a backslash can be part of a file name, so ~\ is not the home folder there.
    expect(resolveNotesPath("~\\notes.txt", "/home/ana", "linux")?.problem).toContain(
      "must be the full path",
    );
    expect(resolveNotesPath("C:\\notes.txt", "/home/ana", "darwin")?.problem).toContain(
      "must be the full path",
    );
  });
});
