// The sandbox API as tests and the bench use it: src/sandbox's honest fake behind a handler that
// records every request, counts what is in flight and connections, and plays the faults switched on.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import type { SandboxThread } from "../../src/sandbox/dataset.js";
import {
  type SandboxOptions as HonestOptions,
  readRequest,
  SANDBOX_ANCHOR,
  type SandboxAnswer,
  type SandboxApi,
  type SandboxRequest,
  sendJson,
  startSandbox as startHonestSandbox,
} from "../../src/sandbox/server.js";
import { type InboxChanges, inboxChanges } from "./changes.js";
import {
  BOMB_PADDING_BYTES,
  driftConversation,
  driftMessage,
  ENDLESS_BODY_STOP_BYTES,
  type Faults,
  hostileJson,
  noFaults,
  takeFailure,
} from "./faults.js";

export { SANDBOX_ANCHOR, SANDBOX_API_KEY } from "../../src/sandbox/server.js";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
}

export interface SandboxOptions extends Omit<HonestOptions, "handler"> {
  /**
   * How long an idle connection is kept open (Node's server.keepAliveTimeout, which it also
   * announces as Keep-Alive: timeout=…); 0 keeps it open and announces nothing. Default 5 s.
   */
  keepAliveTimeoutMs?: number;
  /** Delays the first answer on each new connection, as a TLS handshake would. */
  newConnectionDelayMs?: number;
  /** Every answer takes at least this long, as the real API across the internet (the bench: 150). */
  latencyMs?: number;
  /**
   * The API's own limit, enforced: past `requests` in any `windowMs` (default a minute), a request
   * is answered 429 with Retry-After in whole seconds. Refused requests do not count.
   */
  rateLimit?: { requests: number; windowMs?: number };
}

export interface Sandbox extends InboxChanges {
  url: string;
  apiKey: string;
  threads: SandboxThread[];
  requests: RecordedRequest[];
  faults: Faults;
  /** Requests held open by the `hang` fault that the client has not yet given up on. */
  readonly hangingCount: number;
  /** The most requests it has had in progress at once since the last reset. */
  readonly peakInFlight: number;
  /** Connections opened to it since it started. */
  readonly connections: number;
  /** Body bytes written by the endlessBody fault since the last reset. */
  readonly endlessBytesSent: number;
  /** Requests refused by the enforced rate limit since the last reset. */
  readonly rateLimited: number;
  /** Clears recorded requests, faults and the peak. */
  reset(): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const bombs = new Map<"br" | "gzip", Buffer>();

/** An empty list page, valid JSON, with ~16 MB of padding, compressed to under 100 KB. */
function bombBody(coding: "br" | "gzip"): Buffer {
  const built = bombs.get(coding);
  if (built) return built;
  const padded = Buffer.concat([
    Buffer.from('{"pagination":{"total":0,"limit":20,"offset":0,"has_more":false},"results":[],"padding":"'),
    Buffer.alloc(BOMB_PADDING_BYTES, "a"),
    Buffer.from('"}'),
  ]);
  const compressed =
    coding === "br"
      ? brotliCompressSync(padded, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } })
      : gzipSync(padded, { level: 1 });
  bombs.set(coding, compressed);
  return compressed;
}

function sendBomb(response: ServerResponse, coding: "br" | "gzip") {
  const compressed = bombBody(coding);
  response.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-encoding": coding,
    "content-length": String(compressed.length),
  });
  response.end(compressed);
}

/** Headers promising the whole body, half of it, then the connection dropped. */
function sendHalf(response: ServerResponse, text: string) {
  const bytes = Buffer.from(text);
  response.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(bytes.length),
  });
  response.write(bytes.subarray(0, bytes.length >> 1), () => response.socket?.destroy());
}

/** The honest answer with every result from the offset on: pages of 100 read until the last. */
function answerIgnoringLimit(api: SandboxApi, request: SandboxRequest): SandboxAnswer {
  const asked = api.answer(request);
  if (asked.status !== 200) return asked;
  const results: unknown[] = [];
  let offset = Number(request.query.get("offset") ?? 0);
  for (;;) {
    const query = new URLSearchParams(request.query);
    query.set("limit", "100");
    query.set("offset", String(offset));
    const page = api.answer({ ...request, query }).body as { results: unknown[] };
    results.push(...page.results);
    if (page.results.length < 100) break;
    offset += 100;
  }
  return { status: 200, body: { ...(asked.body as Json), results } };
}

/** What the faults make of a 200 answer's body before it is sent. */
function reshape(answer: Json, endpoint: "conversations" | "messages", faults: Faults): Json {
  const results = answer.results as Json[];
  const body =
    faults.hasMore === undefined
      ? answer
      : { ...answer, pagination: { ...(answer.pagination as Json), has_more: faults.hasMore } };
  if (endpoint === "conversations") {
    return faults.drift ? { ...body, results: results.map(driftConversation) } : body;
  }
  const { pagination, ...rest } = body;
  const omit = faults.omitMessagesPagination || faults.drift;
  return {
    thread: rest.thread,
    ...(omit ? {} : { pagination }),
    results: faults.drift ? results.map(driftMessage) : results,
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { keepAliveTimeoutMs, newConnectionDelayMs, latencyMs, rateLimit, ...honestOptions } = options;
  const requests: RecordedRequest[] = [];
  const state = { faults: noFaults() };
  const hanging = new Set<ServerResponse>();
  let inFlight = 0;
  let peakInFlight = 0;
  let endlessBytesSent = 0;
  let rateLimited = 0;
  /** Arrival times of the requests the rate limit let through, oldest first. */
  const admitted: number[] = [];
  const greeted = new WeakSet<Socket>();

  /** Valid JSON whose padding goes on until the client stops reading (or the safety stop). */
  function sendEndless(response: ServerResponse) {
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    response.write(
      '{"pagination":{"total":0,"limit":20,"offset":0,"has_more":false},"results":[],"padding":"',
    );
    const chunk = Buffer.alloc(64 * 1024, "a");
    const more = () => {
      while (!response.destroyed && endlessBytesSent < ENDLESS_BODY_STOP_BYTES) {
        endlessBytesSent += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", more);
      }
      if (!response.destroyed) response.end('"}');
    };
    more();
  }

  /** The seconds to wait before another request would be let through, or 0 to let this one in. */
  function overLimit(now: number): number {
    if (!rateLimit) return 0;
    const windowMs = rateLimit.windowMs ?? 60_000;
    while (admitted.length > 0 && (admitted[0] ?? now) + windowMs <= now) admitted.shift();
    if (admitted.length < rateLimit.requests) {
      admitted.push(now);
      return 0;
    }
    return Math.max(1, Math.ceil(((admitted[0] ?? now) + windowMs - now) / 1000));
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse, api: SandboxApi) {
    const request = readRequest(incoming);
    requests.push({
      method: request.method,
      path: request.path,
      query: Object.fromEntries(request.query),
      headers: request.headers,
    });
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    response.once("close", () => {
      inFlight -= 1;
    });

    // Counted on arrival, as the client counts on sending; the answer comes after the latency.
    const retryAfter = overLimit(Date.now());
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (retryAfter > 0) {
      rateLimited += 1;
      return sendJson(
        response,
        429,
        { error: "rate_limited", message: "Too many requests" },
        { "retry-after": String(retryAfter) },
      );
    }

    const socket = incoming.socket;
    if (newConnectionDelayMs && !greeted.has(socket)) {
      greeted.add(socket);
      await new Promise((resolve) => setTimeout(resolve, newConnectionDelayMs));
    }
    const faults = state.faults;
    if (faults.hang) {
      hanging.add(response);
      response.on("close", () => hanging.delete(response));
      return;
    }
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));

    // The API's own refusals (method, origin, key, path) come before any scripted fault.
    const routed = api.route(request);
    if ("status" in routed) return sendJson(response, routed.status, routed.body);
    const { endpoint } = routed;

    const failure = takeFailure(faults, endpoint);
    if (failure) {
      const retryAfter: Record<string, string> = failure.retryAfter
        ? { "retry-after": failure.retryAfter }
        : {};
      return sendJson(
        response,
        failure.status,
        { error: failure.error ?? "error", message: "Scripted failure" },
        retryAfter,
      );
    }
    if (faults.featureDisabled && endpoint === "conversations") {
      return sendJson(response, 404, {
        error: "not_found",
        message: "Conversations feature is not enabled",
      });
    }
    if (faults.malformed) return sendJson(response, 200, '{"pagination": {"total": 3, "results": [');
    if (faults.endlessBody) return sendEndless(response);

    const answer = faults.ignoreLimit ? answerIgnoringLimit(api, request) : api.answer(request);
    if (answer.status !== 200) return sendJson(response, answer.status, answer.body);
    if (faults.encodingBomb) return sendBomb(response, faults.encodingBomb);
    const body = reshape(answer.body as Json, endpoint, faults);
    const sent = faults.hostile ? hostileJson(body) : body;
    if (faults.dropMidBody > 0) {
      faults.dropMidBody -= 1;
      return sendHalf(response, JSON.stringify(sent));
    }
    sendJson(response, 200, sent);
  }

  const sandbox = await startHonestSandbox({ ...honestOptions, handler: handle });
  if (keepAliveTimeoutMs !== undefined) sandbox.server.keepAliveTimeout = keepAliveTimeoutMs;
  let connections = 0;
  sandbox.server.on("connection", () => {
    connections += 1;
  });

  return {
    ...inboxChanges(sandbox.threads, options.anchor ?? SANDBOX_ANCHOR),
    url: sandbox.url,
    apiKey: sandbox.apiKey,
    threads: sandbox.threads,
    requests,
    get faults() {
      return state.faults;
    },
    set faults(value: Faults) {
      state.faults = value;
    },
    get hangingCount() {
      return hanging.size;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    get connections() {
      return connections;
    },
    get endlessBytesSent() {
      return endlessBytesSent;
    },
    get rateLimited() {
      return rateLimited;
    },
    reset() {
      requests.length = 0;
      peakInFlight = inFlight;
      endlessBytesSent = 0;
      rateLimited = 0;
      state.faults = noFaults();
    },
    async close() {
      for (const response of hanging) response.destroy();
      await sandbox.close();
    },
  };
}
