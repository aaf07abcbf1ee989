// Where each endpoint lives and how a request's path and query are written, down to the key under
// which identical requests are cached and shared.
import { ApiError } from "./errors.js";

export type Endpoint = "conversations" | "messages";

// The messages path is not spelled out by the public docs; this is the one place that assumes it.
export const apiPaths = {
  conversations: () => "api/v1/client/conversations",
  messages: (threadId: string) => `api/v1/client/conversations/${pathSegment(threadId)}/messages`,
};

/** Encodes an id as exactly one path segment; refuses ids that would walk the path. */
export function pathSegment(id: string): string {
  const trimmed = id.trim();
  if (trimmed === "" || trimmed === "." || trimmed === "..") {
    throw new ApiError({ kind: "not_found", host: "", threadId: id, detail: "refused path segment" });
  }
  return encodeURIComponent(trimmed);
}

/**
 * The path with its query, encoded and ordered as ky encodes a searchParams object. Given whole, ky
 * builds the request once; given searchParams, it builds it, parses its URL and builds it again.
 */
export function withQuery(path: string, searchParams: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    if (value !== undefined) query.append(name, String(value));
  }
  const encoded = query.toString();
  return encoded === "" ? path : `${path}?${encoded}`;
}

/** The request's path and query, parameters in one order: the same question is the same key. */
export function requestKey(path: string, searchParams: Record<string, string | number | undefined>): string {
  const sorted = Object.entries(searchParams).sort(([a], [b]) => a.localeCompare(b));
  return withQuery(path, Object.fromEntries(sorted));
}
