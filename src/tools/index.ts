import getMessages from "./get-messages.js";
import listConversations from "./list-conversations.js";
import searchConversations from "./search-conversations.js";
import type { Tool } from "./tool.js";

export const tools: readonly Tool[] = [listConversations, getMessages, searchConversations];
