// Public surface: re-exports only (see ../shared/API.md for the contract).
export * from './enums';
export type { Finding, Rule, RuleStatus, Violation } from './rules/rule';
export { RuleStatusKind, formatFinding } from './rules/rule';
export { ALL_RULES, ALL_STATUS } from './rules/index';
export { CATALOG_IDS } from './rules/catalog';
export * from './model/topology';
export { SfbDeployment } from './constructs/deployment';
export type { SfbDeploymentProps } from './constructs/deployment';
export { CentralSite } from './constructs/site';
export type { CentralSiteProps } from './constructs/site';
export type { IBackEnd } from './constructs/back-end';
export { StandaloneBackEnd } from './constructs/standalone-back-end';
export type { StandaloneBackEndProps } from './constructs/standalone-back-end';
export { FrontEndPool } from './constructs/front-end-pool';
export type { FrontEndPoolProps } from './constructs/front-end-pool';
export { validateTopology } from './constructs/validation';
export { acknowledgeFinding } from './constructs/acknowledgements';
export {
  planningReports,
  dnsReport,
  certificateReport,
  firewallReport,
  hardwareReport,
  findingsReport,
  topologyDiagram,
  topologyDiagramPage,
} from './reports/index';
export { AZURE_NAME_LIMITS, azureNameProblem } from './model/azure-names';
export type { AzureNameLimit } from './model/azure-names';
