/**
 * The typed BackRelief API client: openapi-fetch over the types generated from the gateway's contract
 * (gateway/src/main/openapi/v1.json → src/schema.d.ts). Every path, parameter, body and answer is typed.
 *
 *   const api = createBackReliefClient({ baseUrl: "http://localhost:8080", token: () => auth.accessToken });
 *   const { data, error } = await api.GET("/api/v1/exercises", { params: { query: { phase: "WARM_UP" } } });
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";

import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };

/** The schemas of the contract by name, e.g. {@code Schema<"Exercise">}. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/** Every error body: RFC 7807 problem details. */
export type Problem = components["schemas"]["Problem"];

export type BackReliefClient = Client<paths>;

export interface BackReliefClientOptions {
  /** The gateway, e.g. http://localhost:8080 (default: same origin). */
  baseUrl?: string;
  /** The current access token, if any; sent as Authorization: Bearer. */
  token?: () => string | undefined | Promise<string | undefined>;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch;
}

export function createBackReliefClient(options: BackReliefClientOptions = {}): BackReliefClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? "",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { token } = options;
  if (token) {
    const auth: Middleware = {
      async onRequest({ request }) {
        const value = await token();
        if (value) {
          request.headers.set("Authorization", `Bearer ${value}`);
        }
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}
