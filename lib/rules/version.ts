/** Version feature matrix (VER-*): gate checks before anything else. */
import { PoolEdition, Severity } from '../enums';
import { productName } from '../model/queries';
import { MAX_FRONT_ENDS, productProfile } from '../model/versions';
import { rule, RuleStatus, RuleStatusKind, status } from './rule';

export const VERSION_RULES = [
  rule('VER-5', Severity.ERROR, 'No two-Front-End Enterprise pools in 2019 and Subscription Edition', 'Front End Pool high availability and management', (m) =>
    !productProfile(m.productVersion).refusesTwoServerPools
      ? []
      : m.frontEndPools
          .filter((p) => p.edition === PoolEdition.ENTERPRISE && p.servers.length === 2)
          .map((p) => ({
            path: p.path,
            message: `Enterprise pool ${p.fqdn} has 2 Front End servers; ${productName(m)} cannot publish a 2-server pool; use 3 or more Front End servers, or Standard Edition servers paired for disaster recovery`,
          })),
  ),
  rule('VER-6', Severity.ERROR, 'Front End servers per Enterprise pool at most 12 (2013, 2015) or 16 (2019, SE)', 'Front End Pool high availability and management', (m) =>
    m.frontEndPools
      .filter((p) => p.edition === PoolEdition.ENTERPRISE && p.servers.length > MAX_FRONT_ENDS[m.productVersion])
      .map((p) => ({
        path: p.path,
        message: `Enterprise pool ${p.fqdn} has ${p.servers.length} Front End servers; ${productName(m)} supports at most ${MAX_FRONT_ENDS[m.productVersion]} per pool; set frontEndServers to ${MAX_FRONT_ENDS[m.productVersion]} or fewer and add another pool`,
      })),
  ),
];

export const VERSION_STATUS: RuleStatus[] = [
  status('VER-7', RuleStatusKind.BY_CONSTRUCTION, 'A FrontEndPool is created inside one CentralSite, so a pool cannot be stretched over two data centers (see FE-10).'),
];
