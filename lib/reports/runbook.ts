/**
 * The disaster-recovery runbook: Markdown, a pure function of the model. It is a list of sections,
 * each `(model) => string`; other areas add theirs (lib/reports/runbook-<area>.ts) with one line in
 * RUNBOOK_SECTIONS.
 */
import { partnerOf, resolvedPairs } from '../model/pairs';
import { productName, siteOf } from '../model/queries';
import { TopologyModel } from '../model/topology';
import { EXPORT_FILES, EXPORT_FOLDER, RESTORE_FOLDER, rgsService } from '../model/export-files';
import { productProfile } from '../model/versions';
import { ProductVersion } from '../enums';
import { blocks, bullets, code, steps, table } from './markdown';
import { chatRunbook } from './runbook-chat';
import { edgePoolsSection } from './runbook-edge-pools';
import { hybridSection } from './runbook-hybrid';
import { frontEndChangesSection, frontEndPoolsSection, otherPoolsRestoreSection } from './runbook-pools';
import { outageSection } from './runbook-outage';
import { reverseProxySection } from './runbook-reverse-proxy';
import { rolesRunbook } from './runbook-roles';
import { backupRestoreSection } from './runbook-backup';
import { topologySection } from './runbook-topology';
import { choicesSection } from './runbook-choices';
import { voiceOutageSection } from './runbook-voice';
import { ruleSource } from './runbook-sources';

/** One part of the runbook: Markdown starting with a `##` heading, or '' when it has nothing to say. */
export type RunbookSection = (model: TopologyModel) => string;

function titleSection(m: TopologyModel): string {
  const site = (path: string) => siteOf(m, path)?.name ?? path;
  const rows = [...m.frontEndPools]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((p) => [
      p.fqdn,
      `${site(p.sitePath)} (${siteOf(m, p.sitePath)?.location ?? ''})`,
      p.edition,
      partnerOf(m, p)?.fqdn ?? 'none',
      p.hostsCentralManagementStore ? 'active' : partnerOf(m, p)?.hostsCentralManagementStore ? 'standby' : '',
      m.edgePools.filter((e) => e.nextHopPath === p.path).map((e) => e.internalFqdn).join(', '),
    ]);
  return blocks(
    `# Disaster recovery runbook: ${m.path}`,
    `${productName(m)}, SIP domain ${m.sipDomain}, AD domain ${m.adDomain}. Generated from the topology: regenerate it (\`npx cdktf synth\` in the project, with \`SfbArtifacts.writeTo(app)\` in its app) after every change. Run the cmdlets in a Skype for Business Server Management Shell as a member of RTCUniversalServerAdmins.`,
    rows.length > 0 ? table(['Front End pool', 'Site', 'Edition', 'Backup pool', 'Central Management Store', 'Next hop of Edge pools'], rows) : undefined,
  );
}

/** PAIR-15 targets, PAIR-14 and PAIR-16 notes. */
function targetsSection(m: TopologyModel): string {
  const target = productProfile(m.productVersion).poolFailover;
  return blocks(
    '## Recovery targets',
    table(
      ['Operation', 'RTO', 'RPO'],
      [
        ['Pool failover and failback', target.rto, target.rpo],
        ['Central Management Store failover', '5 minutes', '5 minutes'],
      ],
    ),
    bullets([
      `Engineering targets of ${productName(m)}, measured for 40,000 concurrent and 200,000 enabled users with both data centers in one world region. Failback can take up to 60 minutes for 20,000 users ${ruleSource('PAIR-15', m.productVersion === ProductVersion.LYNC_SERVER_2013 ? 'recoveryTime2013' : 'disasterRecovery')}.`,
      `Pool failover and failback are always manual: an administrator runs the cmdlets below. "Automatic failover and failback for Voice" only governs the backup Registrar (default 300 seconds) ${ruleSource('PAIR-14', 'pairing')}.`,
      `Failover does not re-home users: they stay homed on their pool and are served by its partner. Users homed on Survivable Branch Appliances are not covered by pool failover ${ruleSource('PAIR-16', 'userExperience', 'disasterRecovery')}.`,
    ]),
  );
}

/** PAIR-18, FE-19: after pairing pools that already run. */
function pairingSection(m: TopologyModel): string {
  const pairs = resolvedPairs(m).filter((p) => p.primary.path !== p.backup.path);
  if (pairs.length === 0) return '';
  const fqdns = pairs.flatMap((p) => [p.primary.fqdn, p.backup.fqdn]);
  return blocks(
    '## After pairing pools',
    `Pairs: ${pairs.map((p) => `${p.primary.fqdn} with ${p.backup.fqdn}`).join('; ')}. When the pools ran before the pairing was published ${ruleSource('PAIR-18', 'pairing')}:`,
    steps([
      'Run Bootstrapper.exe (Deployment folder of the product) on every Front End server of both pools, then re-apply the cumulative update.',
      `Start the Backup Service on every Front End server of both pools: ${code('Start-CsWindowsService -Name LYNCBACKUP')}.`,
      `Force a first synchronisation: ${fqdns.map((f) => code(`Invoke-CsBackupServiceSync -PoolFqdn ${f}`)).join(', ')}.`,
      `Check it: ${fqdns.map((f) => code(`Get-CsBackupServiceStatus -PoolFqdn ${f}`)).join(', ')}.`,
      `Three Front End servers of each Enterprise pool must have run together at least once for the Backup Service to synchronise, and at least three must run when users are first moved to a pool ${ruleSource('FE-19', 'frontEndHa')}.`,
    ]),
  );
}

/** FILE-2, PAIR-17, PAIR-19, RESTORE-8: what to back up regularly. */
function backupsSection(m: TopologyModel): string {
  const pools = [...m.frontEndPools].sort((a, b) => (a.path < b.path ? -1 : 1));
  const day = `${EXPORT_FOLDER}\\<yyyy-MM-dd>`;
  const items = [
    `Topology and configuration: ${code(`Export-CsConfiguration -FileName ${day}\\${EXPORT_FILES.config}`)}.`,
    `Location Information Server (the Backup Service does not replicate it): ${code(`Export-CsLisConfiguration -FileName ${day}\\${EXPORT_FILES.lis}`)}; after a pool failover it is imported into the backup pool (failover steps) ${ruleSource('PAIR-17', 'userExperience')}.`,
    ...pools.map((p) => {
      const partner = partnerOf(m, p);
      const restore = partner ? `; after a failover import them into ${partner.fqdn} with ${code(`Import-CsRgsConfiguration -Destination "${rgsService(partner.fqdn)}" -OverwriteOwner -FileName ${RESTORE_FOLDER}\\${EXPORT_FILES.rgs(p.fqdn)}`)} (Response Group names must be unique across the deployment)` : '';
      return `Response groups of ${p.fqdn}: ${code(`Export-CsRgsConfiguration -Source "${rgsService(p.fqdn)}" -FileName ${day}\\${EXPORT_FILES.rgs(p.fqdn)}`)}${restore}.`;
    }),
    `Before a failover or restore imports them, copy the newest day's files to ${code(RESTORE_FOLDER)} on the server that imports them${m.backup?.enabled ? ' (from the site\'s export container: see "Backup sources")' : ''}.`,
    ...m.fileStores.map((s) => `File share ${code(s.shareUnc)}: back it up every 4 to 8 hours (DFS gives no RTO or RPO) ${ruleSource('FILE-2', 'fileSharing')}.`),
    'Keep these exports outside both sites: they are what an "ABC" failover (rebuilding a lost pool under a new FQDN) starts from.',
  ];
  return blocks('## Routine backups', bullets(items));
}

/** The sections of the runbook, in order. Add an area's section with one line. */
export const RUNBOOK_SECTIONS: readonly RunbookSection[] = [
  titleSection,
  choicesSection,
  targetsSection,
  topologySection,
  pairingSection,
  frontEndPoolsSection,
  frontEndChangesSection,
  edgePoolsSection,
  reverseProxySection,
  hybridSection,
  chatRunbook,
  rolesRunbook,
  otherPoolsRestoreSection,
  backupsSection,
  backupRestoreSection,
  outageSection,
  voiceOutageSection,
];

/** The runbook of a deployment model as Markdown. */
export function renderRunbook(model: TopologyModel, sections: readonly RunbookSection[] = RUNBOOK_SECTIONS): string {
  return `${blocks(...sections.map((s) => s(model).trim()))}\n`;
}
