/**
 * What drift needs from a synthesized stack (`cdk.tf.json`), read once per stack: the tenant id,
 * the construct path of each resource (cdktf's `//` metadata), the Teams objects the stack
 * declares (to find the ones it does not), and what `terraform init` depends on.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The CVI objects a stack declares, in Teams' terms. */
export interface DeclaredTeamsObjects {
  /** Service provider identities (Pexip, Polycom, ...). */
  readonly serviceProviders: readonly string[];
  readonly assignments: readonly DeclaredAssignment[];
  /** Domains the stack keeps on the federation allow-list. */
  readonly federationDomains: readonly string[];
}

export interface DeclaredAssignment {
  readonly policyName: string;
  readonly global?: boolean;
  readonly groupId?: string;
  readonly groupRank?: number;
  readonly users?: readonly string[];
}

/** Where the `cvi` provider block points: what a reader of the live tenant must use too. */
export interface TeamsConnection {
  readonly tenantId?: string;
  readonly endpoint?: string;
  readonly environment?: string;
}

export interface StackConfig {
  /** The tenant (directory) id from the stack's provider blocks; undefined when none names one. */
  readonly tenantId?: string;
  /** Construct path by `type.name`, e.g. `tenant/teams-provider`. */
  readonly constructPaths: ReadonlyMap<string, string>;
  /** Undefined when the stack has no Teams objects (nothing to compare live objects with). */
  readonly teams?: DeclaredTeamsObjects;
  readonly connection?: TeamsConnection;
  /** The `terraform` block (required providers, backend): what `init` installs and configures. */
  readonly initInputs: string;
  /** The required providers alone: stacks that share it share a plugin cache entry. */
  readonly providerSet: string;
}

type Block = Record<string, unknown>;
const asBlock = (v: unknown): Block => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Block) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && !v.includes('${') ? v : undefined);

/** `alpha/tenant/teams-provider/Resource` in stack `alpha` reads `tenant/teams-provider`. */
export function constructPathOf(metadataPath: string, stackName: string): string {
  let parts = metadataPath.split('/');
  if (parts[0] === stackName) parts = parts.slice(1);
  if (parts.length > 1 && parts[parts.length - 1] === 'Resource') parts = parts.slice(0, -1);
  return parts.join('/');
}

function providerBlocks(config: Block, name: string): Block[] {
  const blocks = asBlock(config.provider)[name];
  return (Array.isArray(blocks) ? blocks : blocks ? [blocks] : []).map(asBlock);
}

/**
 * Users as the stack declares them: a map from each user to true (a list before the provider's
 * schema version 1). Terraform JSON reads object keys as templates, so the bindings escape
 * `${` and `%{` in a user; the escape is undone here.
 */
function declaredUsers(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(str).filter((u): u is string => u !== undefined);
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.entries(value as Record<string, unknown>)
    .filter(([, held]) => held === true)
    .map(([user]) => user.replace(/([$%])\1\{/g, '$1{'));
}

function declaredTeams(resources: Block): DeclaredTeamsObjects | undefined {
  const of = (type: string) => Object.values(asBlock(resources[type])).map(asBlock);
  const providers = of('cvi_video_interop_service_provider');
  const assignments = of('cvi_video_interop_policy_assignment');
  const domains = of('cvi_federation_allowed_domain');
  if (providers.length + assignments.length + domains.length === 0) return undefined;
  return {
    serviceProviders: providers.map((p) => str(p.identity)).filter((v): v is string => v !== undefined),
    assignments: assignments.flatMap((a) => {
      const policyName = str(a.policy_name);
      if (!policyName) return [];
      const users = declaredUsers(a.users);
      return [
        {
          policyName,
          ...(a.global === true ? { global: true } : {}),
          ...(str(a.group_id) ? { groupId: str(a.group_id) } : {}),
          ...(typeof a.group_rank === 'number' ? { groupRank: a.group_rank } : {}),
          ...(users ? { users } : {}),
        },
      ];
    }),
    federationDomains: domains.map((d) => str(d.domain)).filter((v): v is string => v !== undefined),
  };
}

export function parseStackConfig(json: string, stackName: string): StackConfig {
  const config = asBlock(JSON.parse(json));
  const resources = asBlock(config.resource);
  const constructPaths = new Map<string, string>();
  for (const [type, byName] of Object.entries(resources)) {
    for (const [name, body] of Object.entries(asBlock(byName))) {
      const metaPath = str(asBlock(asBlock(asBlock(body)['//']).metadata).path);
      if (metaPath) constructPaths.set(`${type}.${name}`, constructPathOf(metaPath, stackName));
    }
  }
  const cvi = providerBlocks(config, 'cvi')[0];
  const azuread = providerBlocks(config, 'azuread')[0];
  const tenantId = str(cvi?.tenant_id) ?? str(azuread?.tenant_id);
  const terraform = asBlock(config.terraform);
  const teams = declaredTeams(resources);
  return {
    tenantId,
    constructPaths,
    teams,
    connection: cvi ? { tenantId: str(cvi.tenant_id), endpoint: str(cvi.endpoint), environment: str(cvi.environment) } : undefined,
    initInputs: JSON.stringify(terraform),
    providerSet: JSON.stringify(terraform.required_providers ?? {}),
  };
}

/** Reads `<workingDirectory>/cdk.tf.json`; throws one line naming the file when it cannot. */
export function readStackConfig(workingDirectory: string, stackName: string): StackConfig {
  const file = path.join(workingDirectory, 'cdk.tf.json');
  try {
    return parseStackConfig(fs.readFileSync(file, 'utf8'), stackName);
  } catch (err) {
    throw new Error(`${file}: cannot read the synthesized stack (${(err as Error).message}); synth again`);
  }
}

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
