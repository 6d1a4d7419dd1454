import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DOMAIN_SUBGRAPHS } from '../../scripts/subgraphs';

/**
 * docker-compose.yml runs the gateway and each subgraph as separate services beside a MariaDB of
 * demo legacy databases; `docker-compose config` validates it where the tool is installed (.ci/run
 * installs Debian's docker-compose, so in CI it must be there).
 */
const FILE = join(__dirname, '..', '..', 'docker-compose.yml');
const present = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const maybe = present || process.env.CI ? test : test.skip;

maybe('docker-compose.yml is valid and runs every subgraph as its own service', () => {
  execFileSync('docker-compose', ['-f', FILE, 'config', '-q'], { stdio: 'pipe' });
  const services = execFileSync('docker-compose', ['-f', FILE, 'config', '--services'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort();
  expect(services).toEqual(
    ['gateway', 'indicators', 'legacy-db', 'redis', 'setup', ...DOMAIN_SUBGRAPHS.map((s) => s.name)].sort(),
  );
});
