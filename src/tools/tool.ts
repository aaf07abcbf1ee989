// A tool is a name, schemas, a description for the model and a handler that returns text plus its
// structured twin. Handlers throw; the server turns what they throw into an isError result, once.
import type { z } from "zod";
import type { CallContext } from "../call/context.js";

export interface ToolResult<Structured> {
  text: string;
  structured: OrNull<Structured>;
}

/**
 * The structured twin as handlers build it: an optional field may be null, which the server leaves
 * out before sending (the output schemas have no nullable fields).
 */
export type OrNull<T> = T extends readonly (infer Item)[]
  ? OrNull<Item>[]
  : T extends object
    ? { [K in keyof T]: undefined extends T[K] ? OrNull<T[K]> | null : OrNull<T[K]> }
    : T;

export interface Tool<
  Input extends z.ZodRawShape = z.ZodRawShape,
  Output extends z.ZodRawShape = z.ZodRawShape,
> {
  name: string;
  title: string;
  description: string;
  inputSchema: Input;
  outputSchema: Output;
  // Method syntax on purpose: it lets a list of tools with different inputs share one type.
  handler(
    args: z.output<z.ZodObject<Input>>,
    context: CallContext,
  ): Promise<ToolResult<z.input<z.ZodObject<Output>>>>;
}

export function defineTool<Input extends z.ZodRawShape, Output extends z.ZodRawShape>(
  tool: Tool<Input, Output>,
): Tool<Input, Output> {
  return tool;
}
