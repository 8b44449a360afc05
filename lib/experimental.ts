/**
 * `cdktf-sfb-hadr/experimental`: the topology model, building blocks, rule tables and report functions
 * over the model, for TypeScript users who need more than the public API (lib/index.ts). Not part of the
 * jsii API and not covered by semantic versioning: names and shapes here may change in any release.
 */
export * from './index';
export * from './enums';
export type { Finding, Rule, RuleStatus, Violation } from './rules/rule';
export { RuleStatusKind, formatFinding } from './rules/rule';
export { ALL_RULES, ALL_STATUS } from './rules/index';
export { CATALOG_IDS } from './rules/catalog';
export * from './model/topology';
export { SfbDeployment } from './constructs/deployment';
export type { SfbDeploymentProps } from './constructs/deployment';
export { SfbArtifacts } from './constructs/artifacts';
export type { SimpleUrlsProps } from './constructs/simple-urls';
export type { SimpleUrlKind, SimpleUrlModel, SimpleUrlsModel, TrafficManagerPlan, WebServicesPool } from './model/simple-urls';
export { CentralSite } from './constructs/site';
export type { CentralSiteProps } from './constructs/site';
export type { IBackEnd } from './constructs/back-end';
export { StandaloneBackEnd } from './constructs/standalone-back-end';
export type { StandaloneBackEndProps } from './constructs/standalone-back-end';
export { FrontEndPool } from './constructs/front-end-pool';
export type { FrontEndPoolProps } from './constructs/front-end-pool';
export { validateTopology } from './constructs/validation';
export { acknowledgeFinding } from './constructs/acknowledgements';
export { Lab, LAB_VM_SIZES } from './constructs/lab';
export type { LabOptions } from './constructs/lab';
export type { Server } from './azure/servers';
export { EdgePool } from './constructs/edge-pool';
export type { EdgePoolProps, IEdgeNextHop } from './constructs/edge-pool';
export { DirectorPool } from './constructs/director-pool';
export type { DirectorPoolProps } from './constructs/director-pool';
export { MediationPool } from './constructs/mediation-pool';
export type { PstnPeerKind, PstnPeerModel, VoiceModel, VoiceRouteModel } from './model/voice';
export type { BranchNetworkNames, BranchSiteModel, SurvivableBranchModel } from './model/voice';
export { voiceOf, failoverUsage } from './model/voice';
export type { MediationPoolProps } from './constructs/mediation-pool';
export { rolesRunbook } from './reports/runbook-roles';
export { StretchedPersistentChatPool } from './constructs/persistent-chat-pool';
export type { StretchedPersistentChatPoolProps } from './constructs/persistent-chat-pool';
export { chatRunbook } from './reports/runbook-chat';
export { PairedPools } from './constructs/paired-pools';
export type { PairedPoolsProps } from './constructs/paired-pools';
export { FileStore } from './constructs/file-store';
export type { FileStoreProps } from './constructs/file-store';
export type { BackupOptions } from './constructs/backups';
export { backupReport } from './reports/backup-plan';
export { renderRunbook, RUNBOOK_SECTIONS } from './reports/runbook';
export type { RunbookSection } from './reports/runbook';
export { regionInfo, WorldArea } from './model/regions';
export type { RegionInfo } from './model/regions';
export { AlwaysOnBackEnd } from './constructs/always-on-back-end';
export type { AlwaysOnBackEndProps } from './constructs/always-on-back-end';
export { MirroredBackEnd } from './constructs/mirrored-back-end';
export type { MirroredBackEndProps } from './constructs/mirrored-back-end';
export { FailoverClusterBackEnd } from './constructs/failover-cluster-back-end';
export type { FailoverClusterBackEndProps } from './constructs/failover-cluster-back-end';
export type { SqlBackEndProps } from './constructs/sql-back-end';
export type { SqlServiceAccounts } from './azure/sql';
export { SQL_SUPPORT, sqlSupport } from './model/sql-support';
export type { SqlSupportCell } from './model/sql-support';
export {
  planningReports,
  dnsReport,
  certificateReport,
  firewallReport,
  hardwareReport,
  findingsReport,
  upgradeReport,
  changesForSubscriptionEdition,
  topologyDiagram,
  topologyDiagramPage,
} from './reports/index';
export { AZURE_NAME_LIMITS, azureNameProblem } from './model/azure-names';
export type { AzureNameLimit } from './model/azure-names';
export { MICROSOFT_365_IPV4, MICROSOFT_365_RANGES_SOURCE, TEAMS_ENDPOINT_SETS, MICROSOFT_365_HOSTING_PROVIDER } from './model/microsoft-365';
export type { HybridFederationSettings, Microsoft365EndpointSet } from './model/microsoft-365';
export { topologyDocument } from './reports/topology-document';
