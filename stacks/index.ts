export * from './tenant-config';
export * from './load-tenants';
export * from './tenant-stack';
export * from './synth-tenants';
