// A prompt is a name, string arguments and a builder of the text the model is given. Builders
// throw; the server turns what they throw into one sentence, once.
import type { z } from "zod";
import type { CallContext, ServerContext } from "../call/context.js";

export interface PromptDefinition<Args extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  argsSchema: Args;
  /** Prompt arguments are strings in MCP; they arrive already checked against argsSchema. */
  build(args: Record<string, string | undefined>, context: CallContext): Promise<string>;
}

/** `create` gets the server's lasting parts, for what runs outside any call: argument completion. */
export function definePrompt<Args extends z.ZodRawShape>(
  create: (context: ServerContext) => PromptDefinition<Args>,
): (context: ServerContext) => PromptDefinition<Args> {
  return create;
}
