/** Public API of the Teams admin client. */
export { TeamsAdminClient, baseUrlFor } from './client';
export type { TeamsAdminClientOptions } from './client';
export { credentialFromEnvironment, CredentialConfigurationError, AUTHORITY_HOSTS } from './auth';
export type { EnvironmentCredentialChoice, AuthMethod, CredentialOverrides } from './auth';
export { waitUntilConsistent, DEFAULT_CONSISTENCY } from './consistency';
export { DEFAULT_RETRY, isRetryableStatus, retryDelay } from './retry';
// The HTTP transport and its retry rules, shared with the reader's Microsoft Graph client.
export { Transport, LostResponseError } from './transport';
export { Deadline } from './deadline';
export * from './errors';
export * from './types';
export { TEAMS_ADMIN_SCOPE, CLOUD_HOSTS, routes, VIDEO_INTEROP_POLICY_TYPE, TARGET_URI_HEADER, escapeDataString } from './routes';
export type { Cloud, RouteName } from './routes';
export { sameServiceProvider } from './providers';
export { bareName } from './policies';
export { shapeOf } from './probe';
export type { ProbeResult, ProbeOptions, ProbeConfidence } from './probe';
