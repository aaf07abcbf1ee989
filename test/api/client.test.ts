import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import ky from "ky";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AttemptBudget, AttemptBudgetSpentError } from "../../src/api/attempt-budget.js";
import {
  apiPaths,
  createClient,
  type HostelMateClient,
  parseRetryAfter,
  pathSegment,
  withQuery,
} from "../../src/api/client.js";
import { ApiError } from "../../src/api/errors.js";
import { ConversationPage } from "../../src/api/schemas.js";
import { DEFAULT_TIMEOUT_MS } from "../../src/limits.js";
import { createLogger } from "../../src/log/log.js";
import { closedPort, TEST_API_KEY } from "../helpers.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";

let sandbox: Sandbox;
let client: HostelMateClient;
const log: string[] = [];

function clientFor(
  url: string,
  overrides: Partial<Parameters<typeof createClient>[0]> = {},
): HostelMateClient {
  return createClient({
    apiUrl: url,
    apiKey: TEST_API_KEY,
    // No loopback answer on a busy machine takes this long; a timed-out attempt's retry would change
    // the request counts these tests check.
    timeoutMs: DEFAULT_TIMEOUT_MS,
    logger: createLogger("debug", (line) => log.push(line)),
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
  client = clientFor(sandbox.url);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  log.length = 0;
});

describe("the HTTP contract", () => {
  it("lists conversations with the key header, only the given parameters and no Origin", async () => {
    const page = await client.listConversations({ limit: 5, offset: 10, channel: "AIRBNB" });
    expect(sandbox.requests).toHaveLength(1);
    const [request] = sandbox.requests;
    expect(request?.method).toBe("GET");
    expect(request?.path).toBe("/api/v1/client/conversations");
    expect(request?.query).toEqual({ limit: "5", offset: "10", channel: "AIRBNB" });
    expect(request?.headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(request?.headers.origin).toBeUndefined();
    expect(request?.headers["user-agent"]).toMatch(/^hostelmate-mcp\/\d+\.\d+\.\d+/);
    expect(page.pagination?.offset).toBe(10);
    expect(page.results.every((thread) => thread.channel === "AIRBNB")).toBe(true);
  });

  it("reads a thread's messages with its id as one path segment", async () => {
    const thread = sandbox.threads.find((candidate) => candidate.messages.length > 3);
    if (!thread) throw new Error("seed has no thread with messages");
    const page = await client.getMessages(thread.id, { limit: 2, offset: 1 });
    expect(sandbox.requests[0]?.path).toBe(`/api/v1/client/conversations/${thread.id}/messages`);
    expect(sandbox.requests[0]?.query).toEqual({ limit: "2", offset: "1" });
    expect(page.results.map((message) => message.id)).toEqual(thread.messages.slice(1, 3).map((m) => m.id));
    expect(page.thread?.id).toBe(thread.id);
  });

  it("refuses path segments that would walk the path and encodes the rest", () => {
    expect(() => pathSegment("..")).toThrow(ApiError);
    expect(() => pathSegment(" ")).toThrow(ApiError);
    expect(pathSegment("a/b?c")).toBe("a%2Fb%3Fc");
  });

  it("puts the query in the path exactly as ky would from searchParams", async () => {
    const urlOf = async (path: string, searchParams?: Record<string, string | number | undefined>) => {
      let url = "";
      await ky.get(path, {
        prefix: "https://api.example.com/base/",
        ...(searchParams ? { searchParams } : {}),
        fetch: async (request) => {
          url = request instanceof Request ? request.url : String(request);
          return new Response("{}");
        },
      });
      return url;
    };
    const queries = [
      { limit: 20, offset: 0 },
      { limit: 1, offset: 40, booking_id: undefined, channel: "AIRBNB", search: undefined },
      { limit: 5, offset: 0, search: "late check-in & 50% + tax? a=b #1 / 'x' (y) ~!*" },
      { search: "Müller 🙌 – €\u00A0x", booking_id: "BK-1 2" },
      { search: "" },
      {},
    ];
    for (const query of queries) {
      for (const path of [apiPaths.conversations(), apiPaths.messages("a/b?c d")]) {
        expect(await urlOf(withQuery(path, query))).toBe(await urlOf(path, query));
      }
    }
  });

  it("refuses to send the key in the clear to another machine", () => {
    expect(() => clientFor("http://api.hostelmate.co")).toThrow(/must start with https:\/\//);
    expect(() => clientFor("http://0.0.0.0:8080")).toThrow(/must start with https:\/\//);
    expect(() => clientFor("http://localhost:8080")).not.toThrow();
  });

  it("follows no redirect, so the key header never reaches where it points", async () => {
    const elsewhere: string[] = [];
    const target = createServer((request, response) => {
      elsewhere.push(String(request.headers["x-api-key"]));
      response.end("{}");
    });
    target.listen(0, "127.0.0.1");
    await once(target, "listening");
    const redirecting = createServer((_request, response) => {
      response.writeHead(302, { location: `http://localhost:${(target.address() as AddressInfo).port}/` });
      response.end();
    });
    redirecting.listen(0, "127.0.0.1");
    await once(redirecting, "listening");
    try {
      const error = await failure(
        clientFor(`http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`, {
          retryLimit: 0,
        }).listConversations({ limit: 1, offset: 0 }),
      );
      expect(error.kind).toBe("network");
      expect(elsewhere).toEqual([]);
    } finally {
      for (const server of [target, redirecting]) {
        server.closeAllConnections();
        server.close();
      }
    }
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("37")).toBe(37);
    expect(parseRetryAfter("Wed, 25 Nov 2026 10:00:30 GMT", Date.parse("2026-11-25T10:00:00Z"))).toBe(30);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("error mapping", () => {
  it("maps a rejected key to auth without retrying and without the key in the error", async () => {
    const error = await failure(
      clientFor(sandbox.url, { apiKey: "hm_live_WRONG" }).listConversations({ limit: 1, offset: 0 }),
    );
    expect(error.kind).toBe("auth");
    expect(error.status).toBe(401);
    expect(sandbox.requests).toHaveLength(1);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("hm_live");
  });

  it("maps a 404 on the list to feature_disabled and on messages to not_found", async () => {
    sandbox.faults.featureDisabled = true;
    expect((await failure(client.listConversations({ limit: 1, offset: 0 }))).kind).toBe("feature_disabled");
    const missing = "00000000-0000-4000-8000-000000000000";
    const error = await failure(client.getMessages(missing, { limit: 1, offset: 0 }));
    expect(error.kind).toBe("not_found");
    expect(error.threadId).toBe(missing);
  });

  it("retries 503 and succeeds on the third attempt", async () => {
    sandbox.faults.failures.push({ status: 503, times: 2, error: "messaging_unavailable" });
    const page = await client.listConversations({ limit: 1, offset: 0 });
    expect(page.results).toHaveLength(1);
    expect(sandbox.requests).toHaveLength(3);
    expect(log.filter((line) => line.includes("retrying GET /api/v1/client/conversations"))).toHaveLength(2);
  });

  it("gives up after the retries with the code and Retry-After of the last answer", async () => {
    sandbox.faults.failures.push({
      status: 503,
      times: Infinity,
      error: "messaging_unavailable",
      retryAfter: "0",
    });
    const error = await failure(client.listConversations({ limit: 1, offset: 0 }));
    expect(error).toMatchObject({
      kind: "unavailable",
      status: 503,
      code: "messaging_unavailable",
      retryAfterSeconds: 0,
    });
    expect(sandbox.requests).toHaveLength(3);
  });

  it("honours a short Retry-After on 429", async () => {
    sandbox.faults.failures.push({ status: 429, times: 1, retryAfter: "1" });
    const started = Date.now();
    await client.listConversations({ limit: 1, offset: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sandbox.requests).toHaveLength(2);
  });

  it("does not sit out a long Retry-After: it reports when to come back", async () => {
    sandbox.faults.failures.push({ status: 429, times: Infinity, retryAfter: "120" });
    const error = await failure(client.listConversations({ limit: 1, offset: 0 }));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 120 });
    expect(sandbox.requests).toHaveLength(1);
  });

  it("maps a hanging API to timeout", async () => {
    sandbox.faults.hang = true;
    const error = await failure(
      clientFor(sandbox.url, { timeoutMs: 200 }).listConversations({ limit: 1, offset: 0 }),
    );
    expect(error.kind).toBe("timeout");
  });

  it("maps a refused connection to network with the host", async () => {
    const port = await closedPort();
    const error = await failure(
      clientFor(`http://127.0.0.1:${port}`, { retryLimit: 0 }).listConversations({ limit: 1, offset: 0 }),
    );
    expect(error).toMatchObject({ kind: "network", host: `127.0.0.1:${port}` });
  });

  it("maps a body that is not JSON to bad_response", async () => {
    sandbox.faults.malformed = true;
    expect((await failure(client.listConversations({ limit: 1, offset: 0 }))).kind).toBe("bad_response");
  });

  it("maps a 400 to rejected without retrying", async () => {
    const error = await failure(client.listConversations({ limit: 500, offset: 0 }));
    expect(error).toMatchObject({ kind: "rejected", status: 400 });
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe("the response cache", () => {
  const listPage = (api: HostelMateClient, limit: number) => api.listConversations({ limit, offset: 0 });

  /** The body the sandbox sends for a page, as the client receives it. */
  async function bodyOf(limit: number): Promise<string> {
    const response = await fetch(`${sandbox.url}/api/v1/client/conversations?limit=${limit}&offset=0`, {
      headers: { "X-API-Key": TEST_API_KEY },
    });
    const body = await response.text();
    sandbox.reset();
    return body;
  }

  it("holds at most cacheMaxEntries answers, dropping the least recently used", async () => {
    const api = clientFor(sandbox.url, { cacheTtlMs: 30_000, cacheMaxEntries: 2 });
    for (const limit of [1, 2, 3]) await listPage(api, limit);
    expect(sandbox.requests).toHaveLength(3);
    await listPage(api, 3);
    await listPage(api, 2);
    expect(sandbox.requests).toHaveLength(3);
    await listPage(api, 1);
    expect(sandbox.requests).toHaveLength(4);
  });

  it("holds at most cacheMaxBytes of bodies, dropping the least recently used", async () => {
    const bytes = [Buffer.byteLength(await bodyOf(20)), Buffer.byteLength(await bodyOf(30))];
    const api = clientFor(sandbox.url, {
      cacheTtlMs: 30_000,
      cacheMaxBytes: (bytes[0] ?? 0) + (bytes[1] ?? 0) - 1,
    });
    await listPage(api, 20);
    await listPage(api, 30);
    await listPage(api, 30);
    expect(sandbox.requests).toHaveLength(2);
    await listPage(api, 20);
    expect(sandbox.requests).toHaveLength(3);
  });

  it("keeps no answer read in the background lane (the mirror's sync), and serves it one it holds", async () => {
    const api = clientFor(sandbox.url, { cacheTtlMs: 30_000 });
    const background = { lane: "background" as const };
    await api.listConversations({ limit: 5, offset: 0 }, background);
    await api.listConversations({ limit: 5, offset: 0 }, background);
    await api.listConversations({ limit: 5, offset: 0 });
    expect(sandbox.requests).toHaveLength(3);
    await api.listConversations({ limit: 5, offset: 0 }, background);
    await api.listConversations({ limit: 5, offset: 0 });
    expect(sandbox.requests).toHaveLength(3);
  });

  it("counts bytes, not characters: a body over the bound in bytes is not kept", async () => {
    const body = await bodyOf(20);
    // Guest names and messages in five languages: the page has characters of more than one byte.
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
    const api = clientFor(sandbox.url, { cacheTtlMs: 30_000, cacheMaxBytes: body.length });
    await listPage(api, 20);
    await listPage(api, 20);
    expect(sandbox.requests).toHaveLength(2);
  });
});

describe("tolerant parsing", () => {
  it("accepts schema drift: extra fields, missing optionals, nulls and unknown enum values", async () => {
    sandbox.faults.drift = true;
    const page = await client.listConversations({ limit: 20, offset: 0 });
    expect(page.results).toHaveLength(20);
    const channels = new Set(page.results.map((thread) => thread.channel));
    expect([...channels].some((channel) => channel === "TELEGRAM" || channel === "VRBO")).toBe(true);
    expect(page.results.some((thread) => thread.status === "SNOOZED")).toBe(true);
    expect(page.results.some((thread) => thread.unread_count === null)).toBe(true);
    expect(page.results.some((thread) => thread.is_read === null)).toBe(true);
    expect(Object.keys(page.results[0] ?? {})).not.toContain("priority");
  });

  it("accepts a messages answer without pagination", async () => {
    sandbox.faults.omitMessagesPagination = true;
    const thread = sandbox.threads[0];
    if (!thread) throw new Error("empty seed");
    const page = await client.getMessages(thread.id, { limit: 5, offset: 0 });
    expect(page.pagination).toBeNull();
  });
});

describe("an attempt budget in the call options", () => {
  it("counts retries as attempts and stops retrying when it is spent", async () => {
    sandbox.faults.failures.push({ status: 503, times: Number.POSITIVE_INFINITY, retryAfter: "0" });
    const budget = new AttemptBudget(2);
    const error = await failure(client.listConversations({ limit: 1, offset: 0 }, { budget }));
    expect(error.status).toBe(503);
    expect(sandbox.requests).toHaveLength(2);
    expect(budget.remaining).toBe(0);
    expect(log.filter((line) => line.includes("retrying"))).toHaveLength(1);
  });

  it("starts no request once it is spent", async () => {
    const budget = new AttemptBudget(1);
    await client.listConversations({ limit: 1, offset: 0 }, { budget });
    await expect(client.listConversations({ limit: 2, offset: 0 }, { budget })).rejects.toThrow(
      AttemptBudgetSpentError,
    );
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe("the call's deadline in the call options", () => {
  it("starts no retry that could not finish by the deadline: the failure's own sentence stands", async () => {
    sandbox.faults.failures.push({ status: 503, times: 2, error: "messaging_unavailable" });
    // Less than one attempt's time (10 s) is left, however fast this machine is.
    const error = await failure(
      client.listConversations({ limit: 1, offset: 0 }, { deadline: Date.now() + 1_000 }),
    );
    expect(error).toMatchObject({ kind: "unavailable", status: 503, code: "messaging_unavailable" });
    expect(sandbox.requests).toHaveLength(1);
    expect(log.filter((line) => line.includes("retrying"))).toHaveLength(0);
  });

  it("retries as usual while the deadline leaves time for it", async () => {
    sandbox.faults.failures.push({ status: 503, times: 2, error: "messaging_unavailable" });
    const page = await client.listConversations({ limit: 1, offset: 0 }, { deadline: Date.now() + 600_000 });
    expect(page.results).toHaveLength(1);
    expect(sandbox.requests).toHaveLength(3);
  });
});

describe("the API payload schemas", () => {
  it("turn missing, null and mistyped fields into null, and keep the ids", () => {
    const drifted = {
      pagination: "not an object",
      results: [{ id: "a", booking_id: 5, channel: null, is_read: "yes", last_message: { content: 7 } }],
    };
    expect(ConversationPage.parse(drifted)).toEqual({
      pagination: null,
      results: [
        {
          id: "a",
          booking_id: null,
          channel: null,
          guest_name: null,
          subject: null,
          is_read: null,
          unread_count: null,
          status: null,
          last_message: {
            id: null,
            content: null,
            direction: null,
            source: null,
            sender: null,
            created_at: null,
          },
          created_at: null,
        },
      ],
    });
    expect(ConversationPage.safeParse({ results: [{ id: "" }] }).success).toBe(false);
    expect(ConversationPage.safeParse({ pagination: null }).success).toBe(false);
  });
});
