// An answer's body read by its endpoint's schema. A body that is not JSON, or not the shape the
// schema tolerates, is a bad_response that says which endpoint sent it, never the body itself.
import type { z } from "zod";
import { ApiError } from "./errors.js";
import type { Endpoint } from "./paths.js";

/** A parsed answer and the size of the body it came from. */
export interface Parsed<T> {
  value: T;
  bytes: number;
}

export function parseAnswer<T extends z.ZodType>(
  body: string,
  schema: T,
  endpoint: Endpoint,
  host: string,
): Parsed<z.output<T>> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ApiError({
      kind: "bad_response",
      host,
      detail: `${endpoint}: body is not JSON (${body.length} characters)`,
      status: 200,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      kind: "bad_response",
      host,
      detail: `${endpoint}: ${parsed.error.issues[0]?.message ?? "schema mismatch"}`,
    });
  }
  return { value: parsed.data, bytes: Buffer.byteLength(body) };
}
