import { conversation } from "./conversation.js";
import { propertyNotes } from "./property-notes.js";
import type { ResourceDefinition } from "./resource.js";

export const resources: readonly ResourceDefinition[] = [propertyNotes, conversation];
