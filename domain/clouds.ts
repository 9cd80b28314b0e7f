/**
 * The Microsoft clouds a tenant can live in, by the names the provider's `environment` and
 * `cvi probe --cloud` take. The hosts of each are in teams/ (routes, sign-in authorities).
 */
export const CLOUDS = ['public', 'gcchigh', 'dod', 'china'] as const;

export type CloudName = (typeof CLOUDS)[number];
