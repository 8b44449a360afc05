/** Version feature matrix (VER-*): gate checks before anything else. */
import { PoolEdition, Severity } from '../enums';
import { productName } from '../model/queries';
import { productProfile } from '../model/versions';
import { alsoReports, reportedAs, rule, RuleStatus, RuleStatusKind, status, unacknowledgeable } from './rule';

export const VERSION_RULES = [
  // One fact, one finding: a 2-server pool in 2019 or SE is reported here only (FE-2 covers 2013 and 2015; FE-3 is the same fact).
  // Fatal: Topology Builder refuses to publish the topology, so no acknowledgement can make it deployable.
  unacknowledgeable(alsoReports(rule('VER-5', Severity.ERROR, 'No two-Front-End Enterprise pools in 2019 and Subscription Edition', 'Front End Pool high availability and management', (m) =>
    !productProfile(m.productVersion).refusesTwoServerPools
      ? []
      : m.frontEndPools
          .filter((p) => p.edition === PoolEdition.ENTERPRISE && p.servers.length === 2)
          .map((p) => ({
            path: p.path,
            message: `Enterprise pool ${p.fqdn} has 2 Front End servers; ${productName(m)} Topology Builder cannot publish a 2-server pool; use 3 or more Front End servers, or Standard Edition servers paired for disaster recovery`,
          })),
  ), 'FE-2', 'FE-3'), 'Topology Builder refuses to publish a topology with a 2-Front-End Enterprise pool in Skype for Business Server 2019 and Subscription Edition, so the servers could never run it'),
];

export const VERSION_STATUS: RuleStatus[] = [
  reportedAs('VER-6', 'FE-1', 'The same limit as FE-1 (12 Front Ends per Enterprise pool in 2013 and 2015, 16 in 2019 and SE), reported once under FE-1.'),
  status('VER-7', RuleStatusKind.BY_CONSTRUCTION, 'A FrontEndPool is created inside one CentralSite, so a pool cannot be stretched over two data centers (see FE-10).'),
];
