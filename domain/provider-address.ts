/**
 * Where Terraform finds the `cvi` provider: the source address and version that the project's
 * filesystem mirror serves and that every synthesized stack requires. One definition, read by the
 * mirror installer and by the cdktf bindings, so the two can never disagree.
 */
export const PROVIDER_SOURCE = 'terraform.local/teams-cvi/cvi';
export const PROVIDER_VERSION = '0.1.0';
