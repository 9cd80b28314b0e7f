/**
 * VideoInteropServiceProvider: the tenant's video interop service provider, the object
 * New-CsVideoInteropServiceProvider creates. Teams stamps the tenant key and the instruction
 * URI of this provider on meeting invites, so a VTC can dial in.
 */
import { Construct } from 'constructs';
import { ITerraformDependable, TerraformProvider, Token } from 'cdktf';
import { CviVideoInteropServiceProvider } from './cvi/video-interop-service-provider';
import { fail, known, requireGuid } from './validate';
import { CONF_ID_PLACEHOLDER, instructionUriProblem, platformIdentityProblem, tenantKeyProblem } from '../domain/service-provider';

export { CONF_ID_PLACEHOLDER };

/** The provider names Teams accepts (teams-cvi-reference.md §2); the values of domain/'s SERVICE_PROVIDER_IDENTITIES. */
export enum VideoInteropServiceProviderIdentity {
  PEXIP = 'Pexip',
  POLYCOM = 'Polycom',
  CISCO = 'Cisco',
  BLUEJEANS = 'BlueJeans',
}

/** Why an identity is refused (domain/service-provider.ts), as the end of "<field> ...". */
export const identityProblem = platformIdentityProblem;

export interface VideoInteropServiceProviderProps {
  /** Which vendor this provider is; a tenant holds one provider per vendor. Changing it replaces the object. */
  readonly identity: VideoInteropServiceProviderIdentity;
  /** The vendor's IVR address shown in invites, e.g. `teams@contoso.com` (Pexip). */
  readonly tenantKey: string;
  /** Alternate VTC dialing instructions link; must carry `{ConfId}`. @default none */
  readonly instructionUri?: string;
  /** App ids (GUIDs) of the vendor's bots. @default none */
  readonly aadApplicationIds?: string[];
  /** Devices joining through the vendor's bots count as authenticated (lobby bypass). @default false */
  readonly allowAppGuestJoinsAsAuthenticated?: boolean;
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
  /** Objects that must exist first, e.g. the consent grant of the vendor's app. @default none */
  readonly dependsOn?: ITerraformDependable[];
}

export class VideoInteropServiceProvider extends Construct {
  /** The Terraform resource underneath, for references and escape hatches. */
  public readonly resource: CviVideoInteropServiceProvider;
  /** The provider's identity, as policy names refer to it. */
  public readonly identity: VideoInteropServiceProviderIdentity;

  constructor(scope: Construct, id: string, props: VideoInteropServiceProviderProps) {
    super(scope, id);
    validate(this, props);
    this.identity = props.identity;
    this.resource = new CviVideoInteropServiceProvider(this, 'Resource', {
      identity: props.identity,
      tenantKey: props.tenantKey,
      instructionUri: props.instructionUri,
      aadApplicationIds: props.aadApplicationIds,
      allowAppGuestJoinsAsAuthenticated: props.allowAppGuestJoinsAsAuthenticated,
      // Left out unless set, so stacks without it synthesize as before.
      ...(props.takeOver ? { takeOver: true } : {}),
      provider: props.provider,
      dependsOn: props.dependsOn,
    });
  }
}

function validate(scope: Construct, props: VideoInteropServiceProviderProps): void {
  const identities = Object.values(VideoInteropServiceProviderIdentity) as string[];
  if (known(props.identity) && !identities.includes(props.identity)) {
    fail(scope, 'identity', identityProblem(props.identity), props.identity);
  }
  const keyProblem = known(props.tenantKey) ? tenantKeyProblem(props.tenantKey) : undefined;
  if (keyProblem) fail(scope, 'tenantKey', keyProblem, props.tenantKey);
  const uriProblem = known(props.instructionUri) ? instructionUriProblem(props.instructionUri as string) : undefined;
  if (uriProblem) fail(scope, 'instructionUri', uriProblem, props.instructionUri);
  if (props.aadApplicationIds && !Token.isUnresolved(props.aadApplicationIds)) {
    props.aadApplicationIds.forEach((appId, i) => requireGuid(scope, `aadApplicationIds[${i}]`, appId));
  }
}
