/**
 * Operating systems the product supports only from a cumulative update on (VM-7): Skype for Business
 * Server 2015 on Windows Server 2016 needs Cumulative Update 5, on Windows Server 2019 Cumulative
 * Update 9 (lib/model/versions.ts `osUpdateRequirements`, with the quoted page). Information, once per
 * pool or server group: the topology is right, the installation must bring the update.
 */
import { Severity } from '../enums';
import { productName } from '../model/queries';
import { TopologyModel } from '../model/topology';
import { osUpdateRequirement, S15_REQ } from '../model/versions';
import { rule, Violation } from './rule';
import { PRODUCT_ROLES } from '../model/roles';

/** The construct a server belongs to: its server group's parent (`<pool>/servers/<n>`). */
function ownerOf(path: string): string {
  return path.split('/').slice(0, -2).join('/') || path;
}

function osUpdateViolations(m: TopologyModel): Violation[] {
  const seen = new Map<string, Violation>();
  for (const s of m.servers) {
    if (!PRODUCT_ROLES.has(s.role)) continue;
    const need = osUpdateRequirement(m.productVersion, s.os);
    if (!need) continue;
    const owner = ownerOf(s.path);
    const key = `${owner}|${s.os}`;
    if (seen.has(key)) continue;
    seen.set(key, {
      path: owner,
      message: `${s.role} servers run Windows Server ${s.os}, which ${productName(m)} supports only from ${need.update} on; install ${need.update} or later before the server roles (Deployment Wizard, then the update) and keep it when rebuilding a server (${need.source})`,
    });
  }
  return [...seen.values()];
}

export const OS_UPDATE_RULES = [
  rule('VM-7', Severity.INFO, 'An operating system that needs a minimum cumulative update names it', `Server requirements for Skype for Business Server 2015 (${S15_REQ})`, osUpdateViolations),
];
