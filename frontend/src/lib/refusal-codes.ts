// The codes of every refusal the API can answer with. refusal-codes.json is the server's catalog
// (code, status, parameters, English template), checked against it by RefusalCatalogTest; only its
// type is taken here, so the bundle carries no server text.
export type RefusalCatalog = typeof import('./refusal-codes.json');
export type RefusalCode = keyof RefusalCatalog;
