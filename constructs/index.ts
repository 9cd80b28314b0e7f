export * from './vendors';
export * from './graph-permissions';
export * from './dns-names';
export * from './dns-records';
export * from './vendor-app-consent';
