import { z } from 'zod';
import { hostNameProblem, isDomain } from '../../domain/dns-names';
import { GUID_PATTERN, isAddress, TENANT_NAME_PATTERN, TENANT_NAME_RULE } from '../../domain/identifiers';
import { instructionUriProblem } from '../../domain/service-provider';

/**
 * Value rules of the tenant file. Each message completes the sentence
 * "<file>: <field>: ..." and the error formatter appends "(got <value>)".
 */

export { GUID_PATTERN };

export const guid = () =>
  z.string().regex(GUID_PATTERN, 'must be a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e');

export const domain = () =>
  z
    .string()
    .refine(isDomain, 'must be a domain such as contoso.com (no IP address, wildcard or trailing dot)');

/** A DNS host name; IP addresses and wildcards are rejected with the specific reason. */
export const hostName = () =>
  z.string().superRefine((value, ctx) => {
    const problem = hostNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });

export { isAddress };

export const address = (example: string) =>
  z.string().refine(isAddress, `must be an address such as ${example}`);

/** An https URL with the `{ConfId}` placeholder Teams replaces with the VTC conference id. */
export const instructionUri = () =>
  z.string().superRefine((value, ctx) => {
    const problem = instructionUriProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });

export const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number(message).int(message).min(min, message).max(max, message);
};

/**
 * A list whose entries must be unique, compared after `key` (e.g. lower-casing). In a list of
 * mappings, `field` names the compared field: the error then points at that field and shows its
 * value, not the whole mapping.
 */
export function uniqueList<T extends z.ZodType>(
  element: T,
  key: (value: z.output<T>) => string = String,
  what = 'entry',
  field?: string,
) {
  return z
    .array(element, 'must be a list')
    .min(1, 'must list at least one entry')
    .superRefine((values, ctx) => {
      const seen = new Map<string, number>();
      values.forEach((value, i) => {
        const k = key(value);
        const first = seen.get(k);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: field === undefined ? [i] : [i, field],
            message: `duplicate ${what}, already at [${first}]`,
            input: field === undefined ? value : (value as Record<string, unknown>)[field],
          });
        } else {
          seen.set(k, i);
        }
      });
    });
}

/** Lower-case letters, digits, inner hyphens: safe as a stack name and a directory name. */
export const slug = () =>
  z
    .string()
    .regex(TENANT_NAME_PATTERN, `${TENANT_NAME_RULE} (it names the stack)`);
