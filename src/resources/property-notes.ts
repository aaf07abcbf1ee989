import { NOTES_HOW_TO } from "../notes/notes.js";
import type { FixedResource } from "./resource.js";

export const PROPERTY_NOTES_URI = "hostelmate://property/notes";

export const propertyNotes: FixedResource = {
  kind: "fixed",
  name: "property-notes",
  uri: PROPERTY_NOTES_URI,
  title: "Property notes",
  description:
    "The hostel's own facts for replies — check-in and check-out times, address and directions, house rules, luggage, breakfast, parking, Wi-Fi, quiet hours — from the file in HOSTELMATE_PROPERTY_NOTES.",
  mimeType: "text/markdown",
  async read({ notes }) {
    const loaded = await notes.read();
    return loaded.available
      ? loaded.text
      : `No property notes are configured: ${loaded.reason}.\n${NOTES_HOW_TO}`;
  },
};
