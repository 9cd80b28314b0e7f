import { synthTenants } from './stacks/synth-tenants';

// The cdktf app: every tenants/*.yaml (or $CVI_TENANTS_DIR) becomes one stack in cdktf.out.
process.exitCode = synthTenants();
