/**
 * Pure rules and word lists of the domain, shared by the tenant file schema, the constructs and
 * the provider: one home per rule. Nothing here imports from the rest of the project. The
 * emulator keeps its own copy of the service's rules on purpose: it stands in for Microsoft.
 */
export * from './assignment-scope';
export * from './clouds';
export * from './dns-names';
export * from './graph-permissions';
export * from './identifiers';
export * from './import-ids';
export * from './limits';
export * from './provider-address';
export * from './service-provider';
export * from './vendors';
