/** `cdktf-teams-cvi/provider`: lay out, pack and hash the cvi Terraform provider package from code. */
export { installMirror, cliConfig, mirrorPackageDir, type MirrorPlatform } from './mirror';
export { packProvider, zipName, type PackResult, type PackedPlatform } from './pack';
export { packageHashV1, zipHash, type PackageFile } from './hashes';
export { providerPackageFiles, terraformPlatform, launcherName, BUNDLE_NAME, PACK_PLATFORMS, PROVIDER_SOURCE, PROVIDER_VERSION } from './package-files';
export { bundlePath } from './bundle';
export { useProjectProvider, linkStacksToMirror } from './project-provider';
