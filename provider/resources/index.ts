/** Every resource type the provider serves. */
import type { ResourceType } from './resource';

export const resourceTypes: readonly ResourceType[] = [];
