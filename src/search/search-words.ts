// Words about the search itself, not about what a thread says, in the queries a manager or a model
// writes: "the guest who asked about breakfast" is about breakfast. Words a stop-word list already
// drops ("who", "about") need no entry. Both the mirror's search and Hostel Mate's live one skip them.
import { fold } from "../text/fold.js";

const SEARCH_WORDS = new Set(
  [
    "guest",
    "guests",
    "asked",
    "asking",
    "asks",
    "wrote",
    "written",
    "said",
    "mentioned",
    "message",
    "messages",
    "thread",
    "threads",
    "conversation",
    "conversations",
    "anyone",
    "someone",
    "somebody",
    "find",
    "show",
    "wanted",
    "wants",
    "huésped",
    "gast",
    "hóspede",
    "ospite",
  ].map(fold),
);

/** Whether a folded word only describes the search ("asked", "message", "guest"). */
export function isSearchWord(foldedWord: string): boolean {
  return SEARCH_WORDS.has(foldedWord);
}
