/**
 * The address of a resource in the configuration Terraform is running, found by its attributes,
 * for messages that tell the user the next command to run (`terraform import <address> <id>`).
 *
 * The plugin protocol never tells a provider which resource a call is for: PlanResourceChange
 * and ApplyResourceChange carry the type name, the configuration and the states, not the
 * address (Terraform prints the address itself, in the "with ..." line above a diagnostic).
 * Terraform starts its providers in its working directory, though, so the root module's JSON
 * files (cdktf's cdk.tf.json) can be read: when exactly one resource of the type there has the
 * given literal attribute values, that resource is the one. HCL files, modules, count/for_each
 * and expressions are beyond this reading; then the answer is undefined and messages point at
 * Terraform's own "with" line instead.
 */
import * as fs from 'fs';
import * as path from 'path';

type Body = Record<string, unknown>;

function resourcesOf(file: string, type: string): [string, Body][] {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource?: Record<string, Record<string, Body>> };
    return Object.entries(json.resource?.[type] ?? {});
  } catch {
    return [];
  }
}

export function addressInConfig(type: string, attributes: Readonly<Record<string, unknown>>, dir: string = process.cwd()): string | undefined {
  let files: string[];
  try {
    files = fs.readdirSync(dir);
  } catch {
    return undefined;
  }
  // A resource in an HCL file would be invisible here, so a single JSON match would prove nothing.
  if (files.some((f) => f.endsWith('.tf'))) return undefined;
  const matches = files
    .filter((f) => f.endsWith('.tf.json'))
    .flatMap((f) => resourcesOf(path.join(dir, f), type))
    .filter(([, body]) => Object.entries(attributes).every(([key, value]) => body[key] === value));
  if (matches.length !== 1) return undefined;
  const [name, body] = matches[0];
  // One block, several instances: the address needs an index this reading cannot know.
  if (body.count !== undefined || body.for_each !== undefined) return undefined;
  return `${type}.${name}`;
}
