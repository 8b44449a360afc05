/**
 * What a server role is, as plain data: one frozen `RoleProfile` per `ServerRole`, one file each in
 * this folder (file name = the enum key in kebab case). Constructs, rules, the lab and the reports read
 * these facts through lib/model/roles/index.ts instead of keeping their own lists of roles.
 */
import type { ServerRole } from '../topology';
import type { SubnetRole } from '../network';
import type { SizingFamily } from '../versions';
import type { DocumentedFlow, Endpoint } from '../documented-flows';

/** How a role's servers relate to the Active Directory domain. */
export type DomainMembership = 'member' | 'controller' | 'workgroup';

/** The TopologyModel list a role's pools are recorded in (its placement groups, AZ-2 / VM-8). */
export type GroupCollection = 'frontEndPools' | 'backEnds' | 'edgePools' | 'directorPools' | 'mediationPools' | 'chatPools' | 'fileStores' | 'officeOnlineFarms' | 'reverseProxies';

/**
 * How many servers of the role a construct builds: the prop that says so, its default and the whole
 * numbers the construct accepts (outside them it throws). The documented limits (12 Front Ends, 10
 * Directors, ...) are findings of the rules, not bounds here: a topology past them still plans, and
 * the finding says why and what to change.
 */
export interface ServerCount {
  /** The construct that builds the role's servers. */
  readonly construct: string;
  /** The construct's prop that sets the count. */
  readonly prop: string;
  /** The count when the prop is not given; absent, the prop is required. */
  readonly default?: number;
  /** Smallest count the construct accepts. */
  readonly min: number;
  /** Largest count the construct accepts. */
  readonly max: number;
  /** Why the default is what it is (the documented reason). */
  readonly why: string;
}

export interface RoleProfile {
  readonly role: ServerRole;
  /** Name of the role in reports and the runbook. */
  readonly displayName: string;
  /** Member of the AD domain, the controller that holds it, or a workgroup server. */
  readonly domain: DomainMembership;
  /** Lync/SfB Server software is installed (VM-4 supported OS, VM-7 cumulative updates). */
  readonly runsProduct: boolean;
  /** Lync's virtualization guidance advises against live-migrating it (AZURE-8). */
  readonly liveMigrationAdvisedAgainst: boolean;
  /** Multi-homing is not supported: exactly one NIC (VM-2). */
  readonly singleNic: boolean;
  /** Holds data a restore needs (BACKUP-1; SQL automated backups). */
  readonly holdsRestoreData: boolean;
  /** Its servers run the scheduled configuration export task (they get the export writer identity). */
  readonly writesConfigExports: boolean;
  /** A site's Recovery Services vault protects its VMs: the restore procedure rebuilds it. */
  readonly protectedByBackup: boolean;
  /** Documented hardware recommendation it follows (VM-1), if any. */
  readonly sizingFamily?: SizingFamily;
  /** Production default VM size when it has no sizing family (no documented recommendation). */
  readonly productionVmSize?: string;
  /** Subnets its NICs sit in, primary NIC first. */
  readonly subnets: readonly SubnetRole[];
  /** Default lab VM size (LabOptions.vmSizes overrides it). */
  readonly labVmSize: string;
  /** Windows features the lab's prerequisite script installs. */
  readonly windowsFeatures: readonly string[];
  /** The counts of its servers the constructs that build them take (none: a fixed count, one per site or per branch). */
  readonly serverCounts: readonly ServerCount[];
  /** Where its pools are recorded in the topology model; absent for servers outside any pool. */
  readonly groups?: GroupCollection;
  /** The flow ends (`Endpoint`) its servers are: every flow of `flows` starts or ends at one of them. */
  readonly endpoints: readonly Endpoint[];
  /**
   * The documented flows the role brings (lib/model/documented-flows.ts derives its list from every
   * role's): Front End's are what Front End pools alone need; every other role holds its flows with
   * the Front Ends, with the roles before it and with the outside.
   */
  readonly flows: readonly DocumentedFlow[];
}

/** A frozen profile (its lists and flows too), so no caller can change a fact for everyone. */
export function roleProfile(profile: RoleProfile): RoleProfile {
  return Object.freeze({
    ...profile,
    subnets: Object.freeze([...profile.subnets]),
    windowsFeatures: Object.freeze([...profile.windowsFeatures]),
    serverCounts: Object.freeze(profile.serverCounts.map((c) => Object.freeze({ ...c }))),
    endpoints: Object.freeze([...profile.endpoints]),
    flows: Object.freeze(profile.flows.map((f) => Object.freeze({ ...f }))),
  });
}
