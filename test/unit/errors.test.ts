import { describe, expect, it } from "vitest";
import { ApiError, type ApiErrorKind } from "../../src/api/errors.js";
import { describeError } from "../../src/errors/describe.js";
import { UserInputError } from "../../src/errors/input.js";

const host = "api.hostelmate.co";

describe("a 404 from the list endpoint", () => {
  it("points at the API address too when it is not Hostel Mate's own", () => {
    const at = (where: string) =>
      describeError(new ApiError({ kind: "feature_disabled", host: where, status: 404 }));
    expect(at(host)).not.toContain("HOSTELMATE_API_URL");
    expect(at("proxy.example.com")).toMatch(
      /not enabled.*The API address is set to proxy\.example\.com: .*check HOSTELMATE_API_URL first/,
    );
  });
});

describe("describeError", () => {
  const cases: Array<[ApiErrorKind, Partial<ConstructorParameters<typeof ApiError>[0]>, RegExp]> = [
    [
      "auth",
      { status: 401 },
      /rejected the API key \(HTTP 401\)\. Check HOSTELMATE_API_KEY.*invalidates the old one/,
    ],
    [
      "feature_disabled",
      { status: 404 },
      /Conversations\/Messaging feature is not enabled.*Ask Hostel Mate support/,
    ],
    [
      "not_found",
      { status: 404, threadId: "abc" },
      /no conversation with id abc.*list_conversations or search_conversations/,
    ],
    ["rate_limited", { status: 429, retryAfterSeconds: 37 }, /rate limiting.*try again in about 37 seconds/],
    ["rate_limited", { status: 429 }, /wait a minute and try again/],
    [
      "unavailable",
      { status: 503, code: "messaging_unavailable", retryAfterSeconds: 300 },
      /messaging service is temporarily unavailable.*about 5 minutes/,
    ],
    ["unavailable", { status: 502 }, /temporarily unavailable \(HTTP 502\); try again in a few minutes/],
    ["timeout", {}, /at api\.hostelmate\.co did not answer in time.*HOSTELMATE_TIMEOUT_MS/],
    ["network", {}, /Could not reach Hostel Mate at api\.hostelmate\.co.*HOSTELMATE_API_URL/],
    ["bad_response", { status: 200 }, /could not read/],
    ["rejected", { status: 400 }, /refused the request \(HTTP 400\)/],
    [
      "call_budget",
      { budgetMs: 30_000 },
      /did not finish answering within 30 seconds.*HOSTELMATE_CALL_BUDGET_MS/,
    ],
  ];

  it.each(cases)("%s gives a sentence with the next step", (kind, extra, expected) => {
    expect(describeError(new ApiError({ kind, host, ...extra }))).toMatch(expected);
  });

  it.each([
    [0.2, "about 1 second."],
    [1, "about 1 second."],
    [1.5, "about 2 seconds."],
    [89, "about 89 seconds."],
    [90, "about 2 minutes."],
  ])("says a Retry-After of %s s as %s", (retryAfterSeconds, expected) => {
    const error = new ApiError({ kind: "unavailable", host, status: 503, retryAfterSeconds });
    expect(describeError(error)).toContain(`try again in ${expected}`);
  });

  it.each([
    [1_000, "within 1 second,"],
    [1_400, "within 1 second,"],
    [2_000, "within 2 seconds,"],
  ])("says a call budget of %s ms as %s", (budgetMs, expected) => {
    expect(describeError(new ApiError({ kind: "call_budget", host, budgetMs }))).toContain(expected);
  });

  it("never shows the underlying detail", () => {
    const error = new ApiError({ kind: "network", host, detail: "ECONNREFUSED secret-detail" });
    expect(describeError(error)).not.toContain("secret-detail");
  });

  it("passes a UserInputError message through and hides anything else", () => {
    expect(describeError(new UserInputError("limit is too large"))).toBe("limit is too large");
    const text = describeError(new Error("TypeError at /home/x/src/secret.ts:12 key=hm_live_123"));
    expect(text).toMatch(/internal error/);
    expect(text).not.toMatch(/hm_live|secret\.ts/);
  });
});
