// Public surface: re-exports only (see ../shared/API.md for the contract). Every name here compiles
// with jsii (`npm run jsii`); the topology model, building blocks, rule tables and report functions over
// the model are in `cdktf-sfb-hadr/experimental` (lib/experimental.ts), which may change in any release.
export * from './enums';
export { ServerRole } from './model/topology';
export type { Finding } from './rules/rule';
export { formatFinding } from './rules/rule';
export { SfbDeployment } from './constructs/deployment';
export type { SfbDeploymentProps } from './constructs/deployment';
export type { RemoteStateStorage } from './constructs/stacks';
export type { LabOptions } from './constructs/lab';
export type { BackupOptions, ExportScheduleOptions, SqlBackupOptions, VmBackupOptions } from './constructs/backups';
export type { SimpleUrlsProps } from './constructs/simple-urls';
export { SfbArtifacts } from './constructs/artifacts';
export { CentralSite } from './constructs/site';
export type { CentralSiteProps } from './constructs/site';
export type { IBackEnd } from './constructs/back-end';
export { SqlBackEnd } from './constructs/sql-back-end';
export type { SqlBackEndProps } from './constructs/sql-back-end';
export type { SqlServiceAccounts } from './azure/sql';
export { AlwaysOnBackEnd } from './constructs/always-on-back-end';
export type { AlwaysOnBackEndProps } from './constructs/always-on-back-end';
export { MirroredBackEnd } from './constructs/mirrored-back-end';
export type { MirroredBackEndProps } from './constructs/mirrored-back-end';
export { FailoverClusterBackEnd } from './constructs/failover-cluster-back-end';
export type { FailoverClusterBackEndProps } from './constructs/failover-cluster-back-end';
export { StandaloneBackEnd } from './constructs/standalone-back-end';
export type { StandaloneBackEndProps } from './constructs/standalone-back-end';
export { FrontEndPool } from './constructs/front-end-pool';
export type { FrontEndPoolProps } from './constructs/front-end-pool';
export { FileStore } from './constructs/file-store';
export type { FileStoreProps } from './constructs/file-store';
export { PairedPools } from './constructs/paired-pools';
export type { PairedPoolsProps } from './constructs/paired-pools';
export { EdgePool } from './constructs/edge-pool';
export type { EdgePoolProps, IEdgeNextHop } from './constructs/edge-pool';
export type { HybridFederationSettings } from './model/microsoft-365';
export { DirectorPool } from './constructs/director-pool';
export type { DirectorPoolProps } from './constructs/director-pool';
export { MediationPool } from './constructs/mediation-pool';
export type { MediationPoolProps } from './constructs/mediation-pool';
export { OfficeOnlineServerFarm } from './constructs/office-online-server-farm';
export type { OfficeOnlineServerFarmProps } from './constructs/office-online-server-farm';
export { ReverseProxy } from './constructs/reverse-proxy';
export type { ReverseProxyProps } from './constructs/reverse-proxy';
export { StretchedPersistentChatPool } from './constructs/persistent-chat-pool';
export type { StretchedPersistentChatPoolProps } from './constructs/persistent-chat-pool';
export { validateTopology } from './constructs/validation';
export { acknowledgeFinding } from './constructs/acknowledgements';
export { SfbValidation } from './constructs/sfb-validation';
export { readTopologyDocument } from './model/topology-document/read';
export { DocumentPoolRole } from './model/topology-document/document';
export type {
  TopologyDocument,
  TopologyDocumentBranchSite,
  TopologyDocumentDependency,
  TopologyDocumentFileShare,
  TopologyDocumentPairing,
  TopologyDocumentPool,
  TopologyDocumentSimpleUrl,
  TopologyDocumentSite,
  TopologyDocumentSqlInstance,
  TopologyDocumentUnknown,
} from './model/topology-document/document';
export { importTopologyDocument } from './constructs/import-topology';
export type { ImportTopologyOptions, ImportedSiteOptions } from './constructs/import-topology';
export { SipTransport } from './model/voice';
export { PstnGateway, SipTrunk } from './constructs/pstn-gateway';
export type { IPstnPeer, PstnGatewayProps, SipTrunkProps } from './constructs/pstn-gateway';
export { VoiceRoute } from './constructs/voice-route';
export type { VoiceRouteProps } from './constructs/voice-route';
export { BranchSite, SurvivableBranchAppliance } from './constructs/branch-site';
export type { BranchSiteProps, ISurvivableBranch, SurvivableBranchProps } from './constructs/branch-site';
export { SurvivableBranchServer } from './constructs/survivable-branch-server';
export type { SurvivableBranchServerProps } from './constructs/survivable-branch-server';
