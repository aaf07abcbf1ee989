// Hostel Mate's ids are UUIDs: one pattern for telling one in a person's or a model's text.
const UUID_SOURCE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Every UUID in a text, for match() and replace(). */
export const UUIDS = new RegExp(UUID_SOURCE, "gi");

const WHOLE_UUID = new RegExp(`^${UUID_SOURCE}$`, "i");

/** Whether the text is one UUID and nothing else. */
export function isUuid(text: string): boolean {
  return WHOLE_UUID.test(text);
}

/**
 * An id as pasted: spaces around it, one pair of braces ({…}, as Windows tools print GUIDs) and
 * upper case are not part of it. Anything else is left for the id's check to refuse.
 */
export function cleanId(text: string): string {
  const trimmed = text.trim();
  const unbraced = trimmed.startsWith("{") && trimmed.endsWith("}") ? trimmed.slice(1, -1).trim() : trimmed;
  return unbraced.toLowerCase();
}
