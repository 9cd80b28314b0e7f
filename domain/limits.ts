/**
 * Limits of what the provider accepts, each in one place: the provider checks them at plan time,
 * and the tenant file schema and the constructs import them, so the three never disagree.
 */

/**
 * Users one policy assignment may list. Terraform holds every user in one attribute value that
 * it decodes, compares and stores in state on every plan; 50,000 keeps a plan within minutes
 * (bench/users) and is ten batches of the service's 5,000 (evidence §8). Larger populations
 * belong in a group assignment.
 */
export const MAX_ASSIGNMENT_USERS = 50_000;
