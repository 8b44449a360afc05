/**
 * Microsoft pages the runbook's steps follow, cited in the step that carries out a catalog rule (the
 * rule ID next to the page), so an admin can check a step against its source on the night. Paths in
 * MicrosoftDocs/OfficeDocs-SkypeForBusiness; the catalog's source keys in brackets.
 */
const REPO = 'MicrosoftDocs/OfficeDocs-SkypeForBusiness';

export const RUNBOOK_SOURCES = {
  /** [S-FAILOVER] CMS before users, Edge next hop first, failback; Edge federation/XMPP failback order. */
  failover: 'Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md',
  /** [S-FEDR] RTO/RPO of 2015 and later, CMS failover targets, SBA users not covered. */
  disasterRecovery: 'Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md',
  /** [L-RTO] RTO/RPO of Lync Server 2013. */
  recoveryTime2013: 'Lync/LyncServer/lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md',
  /** [S-PAIRDEP] steps after pairing running pools; pool failover is always manual. */
  pairing: 'Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/front-end-pools-for-disaster-recovery.md',
  /** [S-UX] users are not rehomed; the LIS database is not replicated. */
  userExperience: 'Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/user-experience.md',
  /** [S-FEHA] start-up quorum, three Front Ends after pairing, two-server pools. */
  frontEndHa: 'Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md',
  /** [S-FILE] back up DFS file shares every 4 to 8 hours. */
  fileSharing: 'Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/file-sharing.md',
  /** [L-RESTPOOL] a whole pool: the Back End first, then each Front End. */
  restorePool: 'Lync/LyncServer/lync-server-2013-restoring-a-lync-server-pool.md',
  /** [L-RESTPREP] what a CMS or Back End loss stops. */
  restorePrepare: 'Lync/LyncServer/lync-server-2013-preparing-to-restore-lync-server.md',
  /** [L-RESTCMS] restoring the server that hosts the CMS (a mirrored one: both servers). */
  restoreCms: 'Lync/LyncServer/lync-server-2013-restoring-the-server-hosting-the-central-management-store.md',
  /** Invoke-CsDatabaseFailover -NewPrincipal for mirrored back ends. */
  mirroredDatabase: 'Lync/LyncServer/lync-server-2013-failing-over-a-mirrored-database.md',
  /** Backup Service status and sync; conference content copied back after a failback. */
  backupService: 'Skype/SfbServer/manage/ha-dr-and-backup-service/configuring-and-monitoring-the-backup-service.md',
  /** [S-PCMAN] Persistent Chat failover and failback. */
  persistentChat: 'Skype/SfbServer/manage/persistent-chat/high-availability-and-disaster-recovery.md',
} as const;

type Page = keyof typeof RUNBOOK_SOURCES;

/** `(RULE-ID; MicrosoftDocs/...: path)`: the rule a step carries out and the page(s) it follows. */
export function ruleSource(ruleIds: string, ...pages: Page[]): string {
  return `(${ruleIds}; ${pageSource(...pages).slice(1)}`;
}

/** `(MicrosoftDocs/...: path)`: the page(s) a step follows, for a step no catalog rule names. */
export function pageSource(...pages: Page[]): string {
  return `(${REPO}: ${pages.map((p) => RUNBOOK_SOURCES[p]).join(', ')})`;
}
