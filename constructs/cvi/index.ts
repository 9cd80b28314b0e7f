/** Hand-written cdktf bindings of the project's own `cvi` Terraform provider. */
export * from './provider';
export * from './video-interop-service-provider';
export * from './policy-assignment';
export * from './federation-allowed-domain';
export * from './data-video-interop-service-providers';
export * from './data-video-interop-policies';
