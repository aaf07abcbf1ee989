// The connections to Hostel Mate, kept open between calls. Node's fetch closes an idle connection
// after 4 s when the server does not say how long it keeps one, so a question asked after a short
// pause paid for a new TCP and TLS handshake (two more round trips). undici's own fetch and Agent,
// from one package: Node's built-in fetch refuses an Agent of another undici version (Node 24's
// refuses undici 8's). Version 7, maintained beside 8, because 8 asks for Node 22.19 and we run on 22.
import { Agent, fetch as undiciFetch } from "undici";
import type { Fetch } from "./transport.js";

/** How long an idle connection is kept when the server does not say (its Keep-Alive: timeout=…). */
export const KEEP_ALIVE_MS = 30_000;
/** The longest a server's own Keep-Alive timeout is taken at its word. */
export const KEEP_ALIVE_MAX_MS = 120_000;

/**
 * A dispatcher set for the whole process other than a default Agent: a proxy, set up by
 * NODE_USE_ENV_PROXY or by the embedding application. Requests go through it as they would without us.
 * Loading undici sets its own Agent as the process's dispatcher when none is set: that one is ours,
 * told by its class and not its name, which the minified build changes (with the name, the built
 * server took its own default for a proxy and lost idle connections after 4 s).
 */
export function configuredDispatcher(
  global: unknown = (globalThis as Record<symbol, unknown>)[Symbol.for("undici.globalDispatcher.1")],
): object | undefined {
  if (typeof global !== "object" || global === null) return undefined;
  // Node's own fetch sets its built-in undici's Agent, whose name no build of ours touches.
  const isDefaultAgent =
    Object.getPrototypeOf(global) === Agent.prototype || global.constructor.name === "Agent";
  return isDefaultAgent ? undefined : global;
}

export function keepAliveFetch(): Fetch {
  if (configuredDispatcher() !== undefined) return (input, init) => fetch(input, init);
  const dispatcher = new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: KEEP_ALIVE_MAX_MS });
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    // undici's fetch takes only its own Request class, so the request travels as its parts (ky sends
    // GETs only: no body).
    const response = await undiciFetch(request.url, {
      method: request.method,
      headers: [...request.headers],
      redirect: request.redirect,
      signal: init?.signal ?? request.signal,
      dispatcher,
    });
    return response as unknown as Response;
  };
}
