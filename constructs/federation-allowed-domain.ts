/**
 * FederationAllowedDomain: the vendor's domain on the tenant's federation allow-list, needed by
 * hosted offerings whose bots join as a federated organization. Only this one entry is ever
 * added or removed; a tenant that allows all known domains is left as it is.
 */
import { Construct } from 'constructs';
import { IResolvable, ITerraformDependable, TerraformProvider } from 'cdktf';
import { CviFederationAllowedDomain } from './cvi/federation-allowed-domain';
import { known, requireDomain } from './validate';

export interface FederationAllowedDomainProps {
  /** The vendor's domain, e.g. `pexip.me`. Changing it replaces the entry. */
  readonly domain: string;
  /**
   * Open federation to this domain on a tenant that federates with nobody (an empty
   * allow-list). The tenant admin's decision: without it such a tenant fails at plan time.
   * @default false
   */
  readonly allowOpeningFederation?: boolean;
  /**
   * Adopt what already holds this object's place in the tenant (made by hand, or by another
   * stack) and overwrite it with this configuration; the plan and the apply say so in a
   * warning. Without it such a create fails at plan time, naming the `terraform import`
   * command to run instead. Destroy restores the default, not the value taken over.
   * @default false
   */
  readonly takeOver?: boolean;
  /** The `cvi` provider of the tenant. @default the stack's default `cvi` provider */
  readonly provider?: TerraformProvider;
  /** Objects that must exist first. @default none */
  readonly dependsOn?: ITerraformDependable[];
}

export class FederationAllowedDomain extends Construct {
  public readonly resource: CviFederationAllowedDomain;

  constructor(scope: Construct, id: string, props: FederationAllowedDomainProps) {
    super(scope, id);
    requireDomain(this, 'domain', props.domain);
    this.resource = new CviFederationAllowedDomain(this, 'Resource', {
      // DNS names are case-insensitive; one spelling keeps plans stable.
      domain: known(props.domain) ? props.domain.toLowerCase() : props.domain,
      ...(props.allowOpeningFederation ? { allowOpeningFederation: true } : {}),
      // Left out unless set, so stacks without it synthesize as before.
      ...(props.takeOver ? { takeOver: true } : {}),
      provider: props.provider,
      dependsOn: props.dependsOn,
    });
  }

  /** True after apply when the tenant allows all known domains, so no entry was written. */
  public get allowAllKnownDomains(): IResolvable {
    return this.resource.allowAllKnownDomains;
  }
}
