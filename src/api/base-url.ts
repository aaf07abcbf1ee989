// Which base URLs may receive the API key. One rule, read by the configuration (to report it), the
// doctor (to stay off the network) and the HTTP client (to refuse outright), so they cannot disagree.

export const DEFAULT_API_URL = "https://api.hostelmate.co";

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

// The API's own path, which documentation often shows as part of the base: the client adds it to
// every request, so left in the base it would be asked for twice and answer 404.
const API_PATH = /\/api(?:\/v1(?:\/client(?:\/conversations)?)?)?\/*$/i;

/** The base URL as the client joins paths to it: no trailing slash, no copy of the API's own path. */
export function withoutApiPath(value: string): string {
  const trimmed = value.replace(/\/+$/, "");
  if (!URL.canParse(trimmed)) return trimmed;
  // Only the path is looked at: "https://api" is a host, not a path to take off.
  const { pathname } = new URL(trimmed);
  const kept = pathname.replace(API_PATH, "");
  return kept === pathname ? trimmed : `${trimmed.slice(0, trimmed.length - pathname.length)}${kept}`;
}

/** What is wrong with a base URL as a place to send the key; empty when it is fine. */
export function apiUrlProblems(value: string): string[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [
      `HOSTELMATE_API_URL is not a URL (${JSON.stringify(value)}). Leave it unset to use ${DEFAULT_API_URL}.`,
    ];
  }
  const problems: string[] = [];
  // Plain http is readable by anyone on the path; only this machine's own traffic stays private.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    problems.push(
      `HOSTELMATE_API_URL must start with https:// so the API key is never sent unencrypted (http:// is allowed only for localhost). Leave it unset to use ${DEFAULT_API_URL}.`,
    );
  }
  // A bare "?" or "#" leaves search and hash empty, yet would still end up in every request's URL.
  if (url.username || url.password || url.search || url.hash || /[?#]/.test(value)) {
    problems.push(
      "HOSTELMATE_API_URL must be a plain base URL, without user name, password, query or #fragment.",
    );
  }
  return problems;
}
