/**
 * One table of attributes per binding, rendered both as Terraform JSON (`cdktf synth`) and as
 * HCL (`cdktf synth --hcl`). Generated cdktf bindings spell every attribute out twice; keeping a
 * single table means the two renderings can never disagree about a name or a type.
 */
import * as cdktf from 'cdktf';
import { PROVIDER_VERSION } from '../../domain/provider-address';

/** How a value is typed in the provider's schema; `keySet` is a string[] in code and a map(bool) of its values to true. */
export type AttributeKind = 'string' | 'number' | 'bool' | 'stringSet' | 'keySet';

/** One attribute: its snake_case name in the schema, its kind and the value set in code. */
export interface AttributeValue {
  readonly kind: AttributeKind;
  readonly value: unknown;
}

export type AttributeTable = Record<string, AttributeValue>;

/**
 * A set given as a list, written as a map from each value to true: Terraform compares a map
 * key by key, a set element against element (a 2,000-value set took 20 s to apply with
 * terraform_data alone, the map 0.5 s; see bench/users). A list known only at apply time
 * becomes a for-expression. Terraform reads a JSON object's keys as templates, so `${` and
 * `%{` in a value are escaped to stay literal.
 */
function keySetToTerraform(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (cdktf.Token.isUnresolved(value)) return cdktf.TerraformIterator.fromList(value as string[]).forExpressionForMap('val', 'true');
  const out: Record<string, boolean> = {};
  for (const key of value as string[]) out[key.replace(/([$%])\{/g, '$1$1{')] = true;
  return out;
}

const toJson: Record<AttributeKind, cdktf.Mapper> = {
  string: cdktf.stringToTerraform,
  number: cdktf.numberToTerraform,
  bool: cdktf.booleanToTerraform,
  stringSet: cdktf.listMapper(cdktf.stringToTerraform, false),
  keySet: keySetToTerraform,
};

const toHcl: Record<AttributeKind, cdktf.Mapper> = {
  string: cdktf.stringToHclTerraform,
  number: cdktf.numberToHclTerraform,
  bool: cdktf.booleanToHclTerraform,
  stringSet: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false),
  keySet: keySetToTerraform,
};

const hclType: Record<AttributeKind, { type: string; storageClassType: string }> = {
  string: { type: 'simple', storageClassType: 'string' },
  number: { type: 'simple', storageClassType: 'number' },
  bool: { type: 'simple', storageClassType: 'boolean' },
  stringSet: { type: 'set', storageClassType: 'stringList' },
  keySet: { type: 'map', storageClassType: 'booleanMap' },
};

/** Terraform JSON attributes; cdktf drops the undefined ones. */
export function synthesizeJson(table: AttributeTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, { kind, value }] of Object.entries(table)) out[name] = toJson[kind](value);
  return out;
}

/** HCL attributes in the shape cdktf's HCL renderer expects, unset ones left out. */
export function synthesizeHcl(table: AttributeTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, { kind, value }] of Object.entries(table)) {
    const rendered = toHcl[kind](value);
    if (rendered === undefined) continue;
    out[name] = { value: rendered, isBlock: false, ...hclType[kind] };
  }
  return out;
}

/**
 * The resource options every cvi binding passes to `TerraformResource`: its type, the provider's
 * metadata, and Terraform's meta-arguments (provider, depends_on, count, for_each, lifecycle...)
 * taken from the user's config unchanged.
 */
export function resourceOptions(type: string, config: cdktf.TerraformMetaArguments): cdktf.TerraformResourceConfig {
  return {
    terraformResourceType: type,
    terraformGeneratorMetadata: { providerName: 'cvi', providerVersion: PROVIDER_VERSION },
    provider: config.provider,
    dependsOn: config.dependsOn,
    count: config.count,
    lifecycle: config.lifecycle,
    provisioners: config.provisioners,
    connection: config.connection,
    forEach: config.forEach,
  };
}
