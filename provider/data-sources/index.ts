/** Every data source type the provider serves. */
import type { DataSourceType } from './data-source';
import { policiesDataSource } from './policies';
import { serviceProvidersDataSource } from './service-providers';

export const dataSourceTypes: readonly DataSourceType[] = [serviceProvidersDataSource, policiesDataSource];
