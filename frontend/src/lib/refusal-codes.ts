// The codes of every refusal the API can answer with: the generated union of the OpenAPI Problem
// schema. refusal-codes.json is the server's catalog (code, status, parameters, English template),
// checked against the server by RefusalCatalogTest; only its type is taken here, so the bundle
// carries no server text.
import type { components } from './api-schema';
import type refusalCatalog from './refusal-codes.json';

export type RefusalCode = components['schemas']['Problem']['code'];
export type RefusalCatalog = typeof refusalCatalog;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** tsc fails here when the published codes and the catalog's differ, either way. */
export const catalogMatchesTheServer: Same<RefusalCode, keyof RefusalCatalog> = true;
