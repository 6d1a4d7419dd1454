import { fdsDemoSource } from './fds';
import { hrmDemoSource } from './hrm';
import { insDemoSource } from './ins';
import { lisDemoSource } from './lis';
import { phsDemoSource } from './phs';
import { referralDemoSource } from './referral';
import type { RegionalDemoSource } from './regional';
import { telemedDemoSource } from './telemed';

/** Every regional demo database the generator writes, in order (hrm before fds: teams name its practitioners). */
export const REGIONAL_DEMO_SOURCES: readonly RegionalDemoSource[] = [
  lisDemoSource,
  phsDemoSource,
  hrmDemoSource,
  fdsDemoSource,
  referralDemoSource,
  telemedDemoSource,
  insDemoSource,
];
