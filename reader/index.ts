/** Public API of the live-tenant reader (shared by `cvi verify` and `cvi export`). */
export { readLiveTenant } from './read-live-tenant';
export type { ReadRequest, ReadSources } from './read-live-tenant';
export { sourcesFromEnvironment } from './from-environment';
export type { EnvironmentSourceOptions, OpenedSources } from './from-environment';
export { GraphClient, GraphError } from './graph-client';
export type { GraphClientOptions } from './graph-client';
export { graphRoutes, GRAPH_HOSTS, graphScope, MICROSOFT_GRAPH_APP_ID } from './graph-routes';
export { readConsent } from './consent';
export { readSrvRecordSets, resolverAddress } from './dns';
export type { SrvReadOptions } from './dns';
export { readTeams } from './teams';
export { readPolicyHolders } from './policy-holders';
export * from './readout';
