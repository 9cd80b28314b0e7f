/**
 * What differs, read from `terraform show -json <planfile>`: the structured plan is the robust
 * source (the human plan text changes between Terraform versions, the JSON format is versioned).
 * Each changed resource carries its construct path, the action and every attribute that changes.
 */
import { AttributeChange, attributeChanges, PlannedChange } from './attribute-diff';

export type ResourceAction = 'create' | 'update' | 'delete' | 'replace' | 'import';

/** One resource whose live state or config differs from what Terraform would leave in place. */
export interface ResourceDifference {
  /** Terraform address, e.g. `cvi_video_interop_service_provider.tenant_teams-provider_F52F7836`. */
  readonly address: string;
  /** Construct path from the stack's metadata (`tenant/teams-provider`); the address when unknown. */
  readonly constructPath: string;
  /** What applying would do. `import`: the plan adopts an existing object (it may also change it). */
  readonly action: ResourceAction;
  /** The id an `import` block adopts. */
  readonly importId?: string;
  /** The address this resource had before a `moved` block. */
  readonly movedFrom?: string;
  /** Terraform's `action_reason`, e.g. `delete_because_no_resource_config`. */
  readonly reason?: string;
  /** Attributes that change, `before -> after` (live -> declared); empty for a delete. */
  readonly attributes: AttributeChange[];
}

export interface PlanDifferences {
  readonly resources: ResourceDifference[];
  /** Root output names whose value would change. */
  readonly outputs: string[];
}

interface PlanResourceChange {
  address: string;
  mode?: string;
  type?: string;
  name?: string;
  module_address?: string;
  previous_address?: string;
  action_reason?: string;
  change: PlannedChange & { actions: string[]; importing?: { id?: string }; replace_paths?: (string | number)[][] };
}

interface PlanJson {
  format_version?: string;
  resource_changes?: PlanResourceChange[];
  output_changes?: Record<string, { actions: string[] }>;
}

function actionOf(actions: readonly string[]): Exclude<ResourceAction, 'import'> | undefined {
  if (actions.includes('create') && actions.includes('delete')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('update')) return 'update';
  // no-op, and `read` of data sources, which re-reads and changes nothing managed.
  return undefined;
}

function constructPath(change: PlanResourceChange, paths: ReadonlyMap<string, string>): string {
  if (!change.module_address && change.type && change.name) {
    const found = paths.get(`${change.type}.${change.name}`);
    if (found) return found;
  }
  return change.address;
}

/** Parses the plan JSON; throws with a short reason when it is not a Terraform plan. */
export function planDifferences(showJson: string, constructPaths: ReadonlyMap<string, string> = new Map()): PlanDifferences {
  let plan: PlanJson;
  try {
    plan = JSON.parse(showJson) as PlanJson;
  } catch {
    throw new Error('terraform show -json did not print JSON');
  }
  if (!plan || typeof plan.format_version !== 'string') throw new Error('terraform show -json printed no plan (format_version missing)');
  const resources: ResourceDifference[] = [];
  for (const change of plan.resource_changes ?? []) {
    if (change.mode === 'data') continue;
    const actions = change.change?.actions ?? [];
    const importing = change.change?.importing;
    const moved = change.previous_address && change.previous_address !== change.address ? change.previous_address : undefined;
    const action = importing ? 'import' : actionOf(actions);
    // A pure move changes nothing in the tenant: not drift.
    if (!action) continue;
    resources.push({
      address: change.address,
      constructPath: constructPath(change, constructPaths),
      action,
      ...(importing?.id !== undefined ? { importId: importing.id } : {}),
      ...(moved ? { movedFrom: moved } : {}),
      ...(change.action_reason ? { reason: change.action_reason } : {}),
      attributes: actions.includes('delete') && !actions.includes('create') ? [] : attributeChanges(change.change, change.change.replace_paths),
    });
  }
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, change]) => actionOf(change.actions) !== undefined)
    .map(([name]) => name);
  return { resources: resources.sort((a, b) => a.address.localeCompare(b.address)), outputs: outputs.sort() };
}
