/**
 * Typed cdktf binding of the project's own `cvi` Terraform provider. Hand-written instead of
 * generated (`cdktf get` needs the registry); it follows the provider's schema contract:
 * configuration attributes only, never a secret (secrets reach the provider through env).
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { synthesizeHcl, synthesizeJson, AttributeTable } from './attributes';

import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../domain/provider-address';

/** Where the project's filesystem mirror serves the provider from. */
export const CVI_PROVIDER_SOURCE = PROVIDER_SOURCE;
export const CVI_PROVIDER_VERSION = PROVIDER_VERSION;

/** The cloud whose Teams admin API host the provider talks to. */
export enum TeamsCloud {
  PUBLIC = 'public',
  GCC_HIGH = 'gcchigh',
  DOD = 'dod',
  CHINA = 'china',
}

export interface CviProviderConfig {
  /** Entra ID tenant (GUID) whose Teams objects this provider manages. @default env ARM_TENANT_ID / AZURE_TENANT_ID */
  readonly tenantId?: string;
  /** App (client) id of the deploying identity. @default env ARM_CLIENT_ID / AZURE_CLIENT_ID */
  readonly clientId?: string;
  /** Path of a PEM/PFX certificate of the deploying app; its password comes from env only. @default none */
  readonly clientCertificatePath?: string;
  /** Authenticate with a workload identity token (GitHub OIDC). @default false */
  readonly useOidc?: boolean | cdktf.IResolvable;
  /** Authenticate with a managed identity. @default false */
  readonly useMsi?: boolean | cdktf.IResolvable;
  /** Authenticate with the Azure CLI's signed-in user (humans). @default false */
  readonly useCli?: boolean | cdktf.IResolvable;
  /** Sovereign cloud. @default TeamsCloud.PUBLIC */
  readonly environment?: TeamsCloud | string;
  /** Base URL overriding the cloud's API host, e.g. the emulator's. @default the cloud's host */
  readonly endpoint?: string;
  /** Upper bound of one create/update/delete including retries and replication waits. @default 300 */
  readonly operationTimeoutSeconds?: number;
  /** Alias, for more than one `cvi` provider in a stack. @default none */
  readonly alias?: string;
}

export class CviProvider extends cdktf.TerraformProvider {
  public static readonly tfResourceType = 'cvi';

  private config: CviProviderConfig;

  constructor(scope: Construct, id: string, config: CviProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'cvi',
      terraformGeneratorMetadata: { providerName: 'cvi', providerVersion: CVI_PROVIDER_VERSION },
      terraformProviderSource: CVI_PROVIDER_SOURCE,
    });
    this.config = { ...config };
  }

  public get alias(): string | undefined {
    return this.config?.alias;
  }
  public set alias(value: string | undefined) {
    this.config = { ...this.config, alias: value };
  }
  public get tenantId(): string | undefined {
    return this.config.tenantId;
  }
  public set tenantId(value: string | undefined) {
    this.config = { ...this.config, tenantId: value };
  }
  public get endpoint(): string | undefined {
    return this.config.endpoint;
  }
  public set endpoint(value: string | undefined) {
    this.config = { ...this.config, endpoint: value };
  }
  public get environment(): string | undefined {
    return this.config.environment;
  }
  public set environment(value: string | undefined) {
    this.config = { ...this.config, environment: value };
  }

  public get clientId(): string | undefined {
    return this.config.clientId;
  }
  public set clientId(value: string | undefined) {
    this.config = { ...this.config, clientId: value };
  }
  public get clientCertificatePath(): string | undefined {
    return this.config.clientCertificatePath;
  }
  public set clientCertificatePath(value: string | undefined) {
    this.config = { ...this.config, clientCertificatePath: value };
  }
  public get useOidc(): boolean | cdktf.IResolvable | undefined {
    return this.config.useOidc;
  }
  public set useOidc(value: boolean | cdktf.IResolvable | undefined) {
    this.config = { ...this.config, useOidc: value };
  }
  public get useMsi(): boolean | cdktf.IResolvable | undefined {
    return this.config.useMsi;
  }
  public set useMsi(value: boolean | cdktf.IResolvable | undefined) {
    this.config = { ...this.config, useMsi: value };
  }
  public get useCli(): boolean | cdktf.IResolvable | undefined {
    return this.config.useCli;
  }
  public set useCli(value: boolean | cdktf.IResolvable | undefined) {
    this.config = { ...this.config, useCli: value };
  }
  public get operationTimeoutSeconds(): number | undefined {
    return this.config.operationTimeoutSeconds;
  }
  public set operationTimeoutSeconds(value: number | undefined) {
    this.config = { ...this.config, operationTimeoutSeconds: value };
  }

  private table(): AttributeTable {
    const c = this.config;
    return {
      alias: { kind: 'string', value: c.alias },
      tenant_id: { kind: 'string', value: c.tenantId },
      client_id: { kind: 'string', value: c.clientId },
      client_certificate_path: { kind: 'string', value: c.clientCertificatePath },
      use_oidc: { kind: 'bool', value: c.useOidc },
      use_msi: { kind: 'bool', value: c.useMsi },
      use_cli: { kind: 'bool', value: c.useCli },
      environment: { kind: 'string', value: c.environment },
      endpoint: { kind: 'string', value: c.endpoint },
      operation_timeout_seconds: { kind: 'number', value: c.operationTimeoutSeconds },
    };
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return synthesizeJson(this.table());
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return synthesizeHcl(this.table());
  }
}
