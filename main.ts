import { synthTenants } from './stacks/synth-tenants';

// cdktf captures a full stack trace for every token it creates, and under ts-node each frame is
// mapped through source maps: that mapping was most of synth time (8 s of 13 s for 500 tenants).
// Tenant errors never show stack traces, so plain V8 frames serve.
Reflect.deleteProperty(Error, 'prepareStackTrace');

// The cdktf app: every tenants/*.yaml (or $CVI_TENANTS_DIR) becomes one stack in cdktf.out.
process.exitCode = synthTenants();
