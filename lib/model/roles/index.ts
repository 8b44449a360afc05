/**
 * Every server role's profile, keyed by role, and the role lists the code used to write by hand,
 * now derived from the profiles (enum order, so every derived list is deterministic).
 */
import { ServerModel, ServerRole, TopologyModel } from '../topology';
import type { SubnetRole } from '../network';
import type { SizingFamily } from '../versions';
import { readonlySet } from '../memo';
import { BACK_END } from './back-end';
import { DIRECTOR } from './director';
import { DOMAIN_CONTROLLER } from './domain-controller';
import { EDGE } from './edge';
import { FILE_SERVER } from './file-server';
import { FRONT_END } from './front-end';
import { MEDIATION } from './mediation';
import { OFFICE_ONLINE_SERVER } from './office-online-server';
import { PERSISTENT_CHAT } from './persistent-chat';
import { REVERSE_PROXY } from './reverse-proxy';
import { GroupCollection, RoleProfile, ServerCount } from './profile';
import { SQL_WITNESS } from './sql-witness';
import { STANDARD_EDITION } from './standard-edition';
import { SURVIVABLE_BRANCH_SERVER } from './survivable-branch-server';

export type { DomainMembership, GroupCollection, RoleProfile, ServerCount } from './profile';

/** The profiles in enum order; a role without a profile, or with two, fails at load. */
function byRole(profiles: readonly RoleProfile[]): Readonly<Record<ServerRole, RoleProfile>> {
  const roles = Object.values(ServerRole);
  const entries = roles.map((role) => {
    const found = profiles.filter((p) => p.role === role);
    if (found.length !== 1) throw new Error(`ServerRole ${role} has ${found.length} profiles in lib/model/roles/; give it exactly one file`);
    return [role, found[0]] as const;
  });
  const stray = profiles.filter((p) => !roles.includes(p.role));
  if (stray.length > 0) throw new Error(`profiles ${stray.map((p) => p.role).join(', ')} name no ServerRole`);
  return Object.freeze(Object.fromEntries(entries) as Record<ServerRole, RoleProfile>);
}

export const ROLE_PROFILES = byRole([
  BACK_END, DIRECTOR, DOMAIN_CONTROLLER, EDGE, FILE_SERVER, FRONT_END, MEDIATION, PERSISTENT_CHAT, SQL_WITNESS, STANDARD_EDITION, OFFICE_ONLINE_SERVER, REVERSE_PROXY, SURVIVABLE_BRANCH_SERVER,
]);

/** Every role, in enum order. */
export const ALL_ROLES: readonly ServerRole[] = Object.freeze(Object.values(ServerRole));

/** The roles whose profile satisfies `test`, in enum order. */
export function rolesWhere(test: (p: RoleProfile) => boolean): readonly ServerRole[] {
  return Object.freeze(ALL_ROLES.filter((r) => test(ROLE_PROFILES[r])));
}

function perRole<T>(f: (p: RoleProfile) => T): Readonly<Record<ServerRole, T>> {
  return Object.freeze(Object.fromEntries(ALL_ROLES.map((r) => [r, f(ROLE_PROFILES[r])])) as Record<ServerRole, T>);
}

/** VM-2: roles whose servers have exactly one NIC. */
export const SINGLE_NIC_ROLES = readonlySet(rolesWhere((p) => p.singleNic));
/** AZURE-8: roles the virtualization guidance keeps away from live migration. */
export const NO_LIVE_MIGRATION_ROLES = readonlySet(rolesWhere((p) => p.liveMigrationAdvisedAgainst));
/** VM-4 / VM-7: roles that run the product (SQL, file servers and domain controllers follow their own requirements). */
export const PRODUCT_ROLES = readonlySet(rolesWhere((p) => p.runsProduct));
/** Domain members and controllers: every role whose servers sit in the domain. */
export const DOMAIN_ROLES: readonly ServerRole[] = rolesWhere((p) => p.domain !== 'workgroup');
/** Roles whose servers join the domain (lab domain join, LAB-*). */
export const DOMAIN_JOINING_ROLES = readonlySet(rolesWhere((p) => p.domain === 'member'));
/** VM-1: the sizing family of each role with a documented hardware recommendation. */
export const SIZING_FAMILY: Readonly<Partial<Record<ServerRole, SizingFamily>>> = Object.freeze(
  Object.fromEntries(ALL_ROLES.flatMap((r) => (ROLE_PROFILES[r].sizingFamily ? [[r, ROLE_PROFILES[r].sizingFamily]] : []))),
);
/** Subnets where servers of the domain sit (lab DNS and domain flows), each once, in enum order of their first role. */
export const DOMAIN_SUBNETS: readonly SubnetRole[] = Object.freeze([...readonlySet(DOMAIN_ROLES.flatMap((r) => ROLE_PROFILES[r].subnets))]);
/** Lab VM size per role. */
export const LAB_VM_SIZES: Readonly<Record<ServerRole, string>> = perRole((p) => p.labVmSize);
/** Windows features the lab installs per role. */
export const ROLE_FEATURES: Readonly<Record<ServerRole, readonly string[]>> = perRole((p) => p.windowsFeatures);
/** Model lists that hold pool-like server groups, each once, in enum order of their first role. */
export const GROUP_COLLECTIONS: readonly GroupCollection[] = Object.freeze([
  ...readonlySet(ALL_ROLES.flatMap((r) => (ROLE_PROFILES[r].groups ? [ROLE_PROFILES[r].groups] : []))),
]);

/** The count `prop` of `construct` sets for `role`'s servers (its profile's `serverCounts`); a pair no profile names is a library bug. */
export function serverCountOf(role: ServerRole, construct: string, prop: string): ServerCount {
  const found = ROLE_PROFILES[role].serverCounts.find((c) => c.construct === construct && c.prop === prop);
  if (!found) throw new Error(`the ${ROLE_PROFILES[role].displayName} profile (lib/model/roles/) has no server count ${construct}.${prop}`);
  return found;
}

/** A pool-like group of servers: a pool, back end, Edge pool, file store, farm ... */
export interface ServerGroup {
  readonly path: string;
  /** Absent for a group stretched over sites (a Persistent Chat pool): its servers name their sites. */
  readonly sitePath?: string;
  readonly servers: readonly ServerModel[];
}

/** Every pool-like group of the deployment: the model lists the role profiles name (GROUP_COLLECTIONS). */
export function serverGroups(m: TopologyModel): ServerGroup[] {
  return GROUP_COLLECTIONS.flatMap((collection) =>
    ((m[collection] ?? []) as readonly ServerGroup[]).map((g) => ({ path: g.path, sitePath: g.sitePath, servers: g.servers })),
  );
}

