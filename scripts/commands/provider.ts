/**
 * `cvi provider install|pack`: the cvi Terraform provider, from this package, where Terraform
 * can find it. Both use the bundle built by `npm run provider:build` (shipped in the package).
 */
import { resolve } from 'node:path';
import { bundlePath, packageRoot } from '../provider-package/bundle';
import { cliConfig, installMirror } from '../provider-package/mirror';
import { packProvider } from '../provider-package/pack';
import { PACK_PLATFORMS, PROVIDER_SOURCE, PROVIDER_VERSION, terraformPlatform } from '../provider-package/package-files';
import { writeFileAtomic } from '../provider-package/write-file';
import { installProvider, providerLayout } from '../install-provider';
import { readFileSync } from 'node:fs';

const USAGE = `usage: cvi provider install [--dir DIR] [--platform P]... [--cli-config FILE]
       cvi provider pack [--out DIR] [--platform P]...

install   lay the provider out as a filesystem mirror (${PROVIDER_SOURCE} ${PROVIDER_VERSION})
  without --dir: .cvi/mirror and .cvi/terraformrc in the current folder (the project layout)
  --dir DIR          the mirror folder, e.g. ~/.terraform.d/plugins (Terraform's implicit mirror)
  --platform P       a Terraform platform such as linux_amd64 (default: this machine's); repeatable
  --cli-config FILE  also write a CLI configuration using the mirror (for TF_CLI_CONFIG_FILE)
pack      write the registry-style zips, SHA256SUMS and network-mirror index
  --out DIR          output folder (default: dist/provider-release)
  --platform P       default: ${PACK_PLATFORMS.join(', ')}`;

class UsageError extends Error {}

interface Options {
  dir?: string;
  out?: string;
  cliConfig?: string;
  platforms: string[];
}

export function parseProviderArgs(args: string[]): Options {
  const options: Options = { platforms: [] };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    const needValue = (): string => {
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return value;
    };
    if (flag === '--dir') options.dir = resolve(needValue());
    else if (flag === '--out') options.out = resolve(needValue());
    else if (flag === '--cli-config') options.cliConfig = resolve(needValue());
    else if (flag === '--platform') {
      const platform = needValue();
      if (!/^[a-z0-9]+_[a-z0-9]+$/.test(platform)) throw new UsageError(`--platform must look like linux_amd64, got "${platform}"`);
      options.platforms.push(platform);
    } else throw new UsageError(`unknown option "${flag}"`);
  }
  return options;
}

function install(options: Options, say: (line: string) => void): void {
  if (options.out) throw new UsageError('--out belongs to pack; install takes --dir');
  if (!options.dir) {
    if (options.platforms.length > 0 || options.cliConfig) throw new UsageError('--platform and --cli-config need --dir');
    const layout = installProvider(providerLayout(process.cwd(), packageRoot()));
    say(`cvi provider ${PROVIDER_VERSION} ${layout.outcome === 'unchanged' ? 'already installed' : 'installed'} (${layout.hash}):`);
    say(`  launcher   ${layout.launcher}`);
    say(`  CLI config ${layout.cliConfigFile}`);
    say(`Use it with: export TF_CLI_CONFIG_FILE=${layout.cliConfigFile}`);
    return;
  }
  const bundle = readBundleOrExplain();
  const platforms = options.platforms.length > 0 ? options.platforms : [terraformPlatform()];
  for (const p of installMirror(options.dir, bundle, platforms)) say(`${p.outcome === 'unchanged' ? 'unchanged' : 'installed'} ${p.launcher} (${p.hash})`);
  if (options.cliConfig) {
    writeFileAtomic(options.cliConfig, cliConfig(options.dir));
    say(`Use it with: export TF_CLI_CONFIG_FILE=${options.cliConfig}`);
  }
}

function readBundleOrExplain(): Buffer {
  try {
    return readFileSync(bundlePath());
  } catch {
    throw new Error(`${bundlePath()} is missing: build it with npm run provider:build (the published package ships it)`);
  }
}

function pack(options: Options, say: (line: string) => void): void {
  if (options.dir || options.cliConfig) throw new UsageError('pack takes --out and --platform');
  const out = options.out ?? resolve('dist', 'provider-release');
  const result = packProvider(out, readBundleOrExplain(), options.platforms.length > 0 ? options.platforms : PACK_PLATFORMS);
  for (const p of result.platforms) say(`${p.zip}\n  ${p.hash}  ${p.zipHash}`);
  say(`${result.sums}`);
  say(`Serve ${out} over HTTPS as a network_mirror, use it as a filesystem_mirror, or publish the zips (see provider/README.md).`);
}

export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (action === 'install') install(parseProviderArgs(rest), say);
    else if (action === 'pack') pack(parseProviderArgs(rest), say);
    else if (action === '--help' || action === '-h') say(USAGE);
    else throw new UsageError(action ? `unknown action "${action}"` : 'name an action: install or pack');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`cvi provider: ${error.message}\n\n${USAGE}\n`);
      return 1;
    }
    process.stderr.write(`cvi provider: ${(error as Error).message}\n`);
    return 1;
  }
}
