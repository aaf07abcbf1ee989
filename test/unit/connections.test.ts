// Which process-wide dispatcher the keep-alive fetch steps aside for: a proxy or an embedding
// application's own, never a default Agent, whatever the build named its class.
import { Agent, EnvHttpProxyAgent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { configuredDispatcher } from "../../src/api/connections.js";

describe("configuredDispatcher", () => {
  const name = Object.getOwnPropertyDescriptor(Agent, "name");
  afterEach(() => {
    if (name) Object.defineProperty(Agent, "name", name);
  });

  it("takes undici's own default Agent for no setting, also when a minified build renamed its class", () => {
    // esbuild's minify gave it a name like "Pc": the built server then took it for a proxy.
    Object.defineProperty(Agent, "name", { value: "Pc" });
    const agent = new Agent();
    expect(agent.constructor.name).toBe("Pc");
    expect(configuredDispatcher(agent)).toBeUndefined();
  });

  it("takes Node's built-in default Agent, of another undici copy, for no setting", () => {
    class NodeBuiltIn {}
    Object.defineProperty(NodeBuiltIn, "name", { value: "Agent" });
    expect(configuredDispatcher(new NodeBuiltIn())).toBeUndefined();
  });

  it("steps aside for a proxy set for the whole process", () => {
    const proxy = new EnvHttpProxyAgent({ httpProxy: "http://127.0.0.1:9" });
    expect(configuredDispatcher(proxy)).toBe(proxy);
  });

  it("finds nothing when no dispatcher is set", () => {
    expect(configuredDispatcher(undefined)).toBeUndefined();
  });
});
