import draftGuestReply from "./draft-guest-reply.js";

export const prompts = [draftGuestReply];
