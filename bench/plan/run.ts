/**
 * A no-change `terraform plan` of 50 providers' worth of cvi resources spread over tenants
 * in the emulator: API calls and wall time, for several tenant/provider splits of the same 50.
 * Each "provider's worth" is a service provider and a federation domain; each tenant also has
 * one users assignment. Refresh reads the tenant's lists once per provider process (one per
 * tenant), so calls should follow the tenant count, not the resource count.
 *
 * Baselines from the same run: the resource count (what one read per resource would cost)
 * and the wall time of the same plan with -refresh=false (Terraform's own work, no API calls).
 *
 * The emulator answers the candidate reads (the user search) unless `--without-candidates`:
 * then the users are read one by one, as against a service that refuses the search.
 *
 * Run: npm run bench:plan [-- --without-candidates]   (installs the provider first)
 */
import { startEmulator, type RunningEmulator } from '../../emulator';
import { TerraformWorkspace } from '../../testing/workspace';

const TOTAL_PROVIDERS = 50;
const DEFAULT_SPLITS: [tenants: number, providersPerTenant: number][] = [
  [1, 50],
  [5, 10],
  [10, 5],
  [25, 2],
];

/** `--split 5x10 --split 25x2` replaces the default splits (each must total 50). */
function splitsFromArgs(args: string[]): [number, number][] {
  const chosen = args.flatMap((arg, i) => (arg === '--split' ? [args[i + 1] ?? ''] : []));
  if (chosen.length === 0) return DEFAULT_SPLITS;
  return chosen.map((text) => {
    const match = /^(\d+)x(\d+)$/.exec(text);
    if (!match || Number(match[1]) * Number(match[2]) !== TOTAL_PROVIDERS) {
      throw new Error(`--split ${text}: write <tenants>x<providers per tenant> with a product of ${TOTAL_PROVIDERS}, e.g. 5x10`);
    }
    return [Number(match[1]), Number(match[2])];
  });
}
const SPLITS = splitsFromArgs(process.argv.slice(2));
const WITH_CANDIDATES = !process.argv.includes('--without-candidates');

const tenantId = (split: number, t: number) => `dddddddd-${String(split).padStart(4, '0')}-4000-8000-${String(t).padStart(12, '0')}`;

function stackJson(emulator: RunningEmulator, split: number, tenants: number, perTenant: number) {
  const providers: Record<string, unknown>[] = [];
  const resources: Record<string, Record<string, unknown>> = {
    cvi_video_interop_service_provider: {},
    cvi_federation_allowed_domain: {},
    cvi_video_interop_policy_assignment: {},
  };
  for (let t = 0; t < tenants; t++) {
    const alias = `t${t}`;
    providers.push({ alias, tenant_id: tenantId(split, t), endpoint: emulator.url });
    for (let p = 0; p < perTenant; p++) {
      resources.cvi_video_interop_service_provider[`${alias}_p${p}`] = {
        provider: `cvi.${alias}`,
        identity: `Vendor${p}`,
        tenant_key: `teams-${p}@tenant${t}.example.com`,
      };
      resources.cvi_federation_allowed_domain[`${alias}_d${p}`] = { provider: `cvi.${alias}`, domain: `vendor${p}.example.net` };
    }
    resources.cvi_video_interop_policy_assignment[`${alias}_pilot`] = {
      provider: `cvi.${alias}`,
      policy_name: 'PexipServiceProviderEnabled',
      users: { [`alice@tenant${t}.example.com`]: true, [`bob@tenant${t}.example.com`]: true },
    };
  }
  const resourceCount = Object.values(resources).reduce((n, r) => n + Object.keys(r).length, 0);
  return {
    resourceCount,
    json: {
      terraform: { required_providers: { cvi: { source: 'terraform.local/teams-cvi/cvi', version: '0.1.0' } } },
      provider: { cvi: providers },
      resource: resources,
    },
  };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await run();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

async function main(): Promise<void> {
  const emulator = await startEmulator(WITH_CANDIDATES ? { candidates: ['userSearch', 'tenantGrantRead'] } : {});
  const rows: string[] = [];
  let breakdown = '';
  try {
    for (const [index, [tenants, perTenant]] of SPLITS.entries()) {
      const stack = stackJson(emulator, index, tenants, perTenant);
      const ws = await TerraformWorkspace.create({ emulator, tenantId: tenantId(index, 0), name: 'cvi-bench-plan' });
      try {
        for (let t = 0; t < tenants; t++) {
          // Allow-lists, so that every domain is really written and read back.
          emulator.tenant(tenantId(index, t)).setFederation({
            Identity: 'Global',
            AllowFederatedUsers: true,
            AllowedDomains: { AllowedDomain: [{ Domain: 'partner.example.org' }] },
            BlockedDomains: [],
          });
        }
        ws.writeJson('main.tf.json', stack.json);
        await ws.terraform('init');
        await ws.terraform('apply', '-auto-approve', '-parallelism=20');
        const [, baselineMs] = await timed(() => ws.terraform('plan', '-refresh=false', '-detailed-exitcode'));
        emulator.log.reset();
        const [plan, planMs] = await timed(() => ws.run('plan', '-detailed-exitcode'));
        if (plan.code !== 0) throw new Error(`the plan after apply was not clean (exit ${plan.code}):\n${plan.output}`);
        const calls = emulator.log.total();
        if (breakdown === '') {
          const perRoute = Object.entries(emulator.log.counts()).map(([route, n]) => `  ${(n / tenants).toFixed(1).padStart(5)}  ${route}`);
          breakdown = [`API calls per tenant by route (${tenants} x ${perTenant}):`, ...perRoute].join('\n');
        }
        rows.push(
          [
            `${tenants} x ${perTenant}`.padEnd(9),
            String(stack.resourceCount).padStart(9),
            String(calls).padStart(9),
            (calls / tenants).toFixed(1).padStart(12),
            (calls / stack.resourceCount).toFixed(2).padStart(16),
            `${planMs.toFixed(0)} ms`.padStart(10),
            `${baselineMs.toFixed(0)} ms`.padStart(14),
            `${(planMs / baselineMs).toFixed(2)}x`.padStart(7),
          ].join(' '),
        );
        process.stderr.write(`done: ${tenants} tenants x ${perTenant} providers\n`);
      } finally {
        ws.remove();
      }
    }
  } finally {
    await emulator.stop();
  }
  process.stdout.write(
    [
      `no-change terraform plan of ${TOTAL_PROVIDERS} providers' worth of cvi resources (emulator, API calls exclude token requests; ` +
        `${WITH_CANDIDATES ? 'user search answered' : 'user search refused: users read one by one'})`,
      'tenants   resources  API calls  calls/tenant  calls/resource  plan wall  -refresh=false  ratio',
      ...rows,
      '',
      breakdown,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:plan: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
