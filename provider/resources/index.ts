/** Every resource type the provider serves. */
import { federationAllowedDomain } from './federation-allowed-domain';
import { policyAssignment } from './policy-assignment';
import type { ResourceType } from './resource';
import { serviceProvider } from './service-provider';

export const resourceTypes: readonly ResourceType[] = [serviceProvider, policyAssignment, federationAllowedDomain];
