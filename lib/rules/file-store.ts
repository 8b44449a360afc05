/** File stores (FILE-*, AZURE-5). */
import { Severity } from '../enums';
import { admittingFlow, sitesPeered } from '../model/flows';
import { addressOf, fileShareServers, fileStoreOf, partnerOf } from '../model/pairs';
import { isEnterprise, poolByPath, siteOf } from '../model/queries';
import { FrontEndPoolModel, ServerModel, TopologyModel } from '../model/topology';
import { rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const FILE_HA = 'File sharing high availability in Skype for Business Server';

/** Front Ends of `client` that cannot open SMB to every server of the share. */
function blockedFrontEnds(m: TopologyModel, client: FrontEndPoolModel, shareSitePath: string, share: readonly ServerModel[]): ServerModel[] {
  if (!sitesPeered(m, client.sitePath, shareSitePath)) return [...client.servers];
  return client.servers.filter((fe) =>
    share.some((s) => !admittingFlow(m, { sourceIp: addressOf(fe) ?? '', destinationIp: addressOf(s) ?? '', protocol: 'Tcp', port: 445 })),
  );
}

function smbViolations(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const pool of m.frontEndPools) {
    const share = fileShareServers(m, pool);
    if (share.length === 0) continue;
    const store = fileStoreOf(m, pool);
    const shareSite = store?.sitePath ?? pool.sitePath;
    const partner = partnerOf(m, pool);
    // A Standard Edition server's share is local: only its partner needs the network path.
    // A partner in a site without the private link is PAIR-11's one finding (the link, not each port).
    const linked = partner && sitesPeered(m, partner.sitePath, shareSite) ? [partner] : [];
    const clients = [...(store ? [pool] : []), ...linked];
    for (const client of clients) {
      const blocked = blockedFrontEnds(m, client, shareSite, share);
      if (blocked.length === 0) continue;
      const role = client === pool ? 'its own pool' : `paired pool ${client.fqdn} (Backup Service)`;
      out.push({
        path: store?.path ?? pool.path,
        message: `Front Ends ${blocked.map((s) => s.computerName).join(', ')} of ${role} cannot reach the file share of ${pool.fqdn} (${share.map((s) => s.computerName).join(', ')}) on SMB TCP 445; allow 445 from ${client.sitePath}'s Front End subnet to the file servers and peer the sites`,
      });
    }
  }
  return out;
}

export const FILE_STORE_RULES = [
  rule('FILE-1', Severity.WARNING, 'A pool file store is a DFS pair of file servers in the pool\'s site', FILE_HA, (m) => {
    const out: Violation[] = [];
    for (const pool of m.frontEndPools.filter(isEnterprise)) {
      if (!fileStoreOf(m, pool)) {
        out.push({ path: pool.path, message: `Enterprise pool ${pool.fqdn} has no file store; give it a FileStore (a DFS pair of file servers per site or per pool)` });
      }
    }
    for (const store of m.fileStores) {
      if (store.servers.length < 2) {
        out.push({ path: store.path, message: `file store ${store.shareUnc} has ${store.servers.length} file server; DFS high availability needs a pair; set servers to 2` });
      }
      for (const pool of store.poolPaths.map((p) => poolByPath(m, p)).filter((p) => p !== undefined)) {
        if (pool.sitePath !== store.sitePath) {
          out.push({ path: store.path, message: `pool ${pool.fqdn} in ${pool.sitePath} uses file store ${store.shareUnc} in ${store.sitePath}; DFS fails over within one data center only; give the pool a store in its own site` });
        }
      }
    }
    return out;
  }),
  rule('FILE-4', Severity.ERROR, 'Every Front End of a pool and of its paired pool reaches the pool\'s file store on SMB 445', 'Front End pool disaster recovery in Skype for Business Server', smbViolations),
  rule('AZURE-5', Severity.ERROR, 'The pool file store is not Azure Files', `${FILE_HA}; Server requirements for Skype for Business Server 2015`, (m) =>
    m.fileStores
      .filter((s) => s.kind !== 'windows-dfs')
      .map((s) => ({ path: s.path, message: `file store ${s.shareUnc} in ${siteOf(m, s.sitePath)?.name ?? s.sitePath} is ${s.kind}; Lync/SfB does not support NAS file shares, and Azure Files is treated as one (an inference, UNCONFIRMED); use Windows file-server VMs (FileStore: a DFS pair per site or per pool)` })),
  ),
];

export const FILE_STORE_STATUS: RuleStatus[] = [
  status('FILE-2', RuleStatusKind.IN_RUNBOOK, 'DFS has no RTO/RPO guarantee; the runbook section "Routine backups" backs up each file share every 4 to 8 hours.'),
  status('FILE-3', RuleStatusKind.BY_CONSTRUCTION, 'FileStore creates dedicated file-server VMs in the infrastructure subnet; the share is never placed on a database server.'),
];
