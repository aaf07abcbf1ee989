// Resources the user can attach in a client: fixed ones and ones named by a URI template.
import type { CallContext, ServerContext } from "../call/context.js";

export interface ResourceListing {
  uri: string;
  name: string;
  title?: string;
  description?: string;
}

export interface FixedResource {
  kind: "fixed";
  name: string;
  uri: string;
  title: string;
  description: string;
  mimeType: string;
  read(context: CallContext): Promise<string>;
}

export interface TemplateResource {
  kind: "template";
  name: string;
  uriTemplate: string;
  title: string;
  description: string;
  mimeType: string;
  list(context: CallContext): Promise<ResourceListing[]>;
  /** Variables arrive as they stand in the URI: percent-encoded. */
  read(variables: Record<string, string>, context: CallContext): Promise<string>;
  /** Completion runs outside any call (no budget, no cancellation): it gets the server's lasting parts. */
  complete: Record<string, (typed: string, context: ServerContext) => Promise<string[]>>;
}

export type ResourceDefinition = FixedResource | TemplateResource;
