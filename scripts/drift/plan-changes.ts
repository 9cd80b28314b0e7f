/**
 * What differs, read from `terraform show -json <planfile>`: the structured plan is the robust
 * source (the human plan text changes between Terraform versions, the JSON format is versioned).
 */

/** One resource whose live state or config differs from what Terraform would leave in place. */
export interface ResourceDifference {
  /** Terraform address, e.g. `cvi_video_interop_service_provider.contoso_provider_Resource_1A2B3C`. */
  readonly address: string;
  /** What applying would do: create, update, delete, replace. */
  readonly action: 'create' | 'update' | 'delete' | 'replace';
}

export interface PlanDifferences {
  readonly resources: ResourceDifference[];
  /** Root output names whose value would change. */
  readonly outputs: string[];
}

interface PlanJson {
  format_version?: string;
  resource_changes?: { address: string; mode?: string; change: { actions: string[] } }[];
  output_changes?: Record<string, { actions: string[] }>;
}

function actionOf(actions: string[]): ResourceDifference['action'] | undefined {
  if (actions.includes('create') && actions.includes('delete')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('update')) return 'update';
  // no-op, and `read` of data sources, which re-reads and changes nothing managed.
  return undefined;
}

/** Parses the plan JSON; throws with a short reason when it is not a Terraform plan. */
export function planDifferences(showJson: string): PlanDifferences {
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
    const action = actionOf(change.change?.actions ?? []);
    if (action) resources.push({ address: change.address, action });
  }
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, change]) => actionOf(change.actions) !== undefined)
    .map(([name]) => name);
  return { resources: resources.sort((a, b) => a.address.localeCompare(b.address)), outputs: outputs.sort() };
}
