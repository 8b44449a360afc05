/**
 * What the building blocks need to know about where they build: plain values and two callbacks.
 * `CentralSite` provides it; building blocks never import a construct (layers only point down).
 */
import { SubnetRole } from '../model/network';
import type { ServerRole } from '../model/topology';
import type { Server } from './servers';

/** Hands out the addresses of one owner's block in one subnet (see lib/model/address-plan.ts). */
export interface AddressSource {
  /** The next address from the bottom of the block (servers). */
  next(): string;
  /** The next address from the top of the block (load-balancer frontends, cluster addresses). */
  top(): string;
}

/**
 * A site as the building blocks see it.
 * @internal
 */
export interface SitePlacement {
  /** Construct path of the site (the model's key). @internal */
  readonly _path: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly availabilityZones: readonly string[];
  readonly faultDomainCount: number;
  /** The ID of a role's subnet. @internal */
  _subnetId(role: SubnetRole): string;
  /** The address block of an owner (construct path) in a role's subnet. @internal */
  _addressBlock(role: SubnetRole, ownerPath: string): AddressSource;
  /** What every server of the deployment shares. @internal */
  readonly _serverDefaults: ServerDefaults;
  /** Receives every server created in the site (the deployment's model and the lab read them). @internal */
  _registerServer(server: Server): void;
  /** User-assigned identities a server of `role` carries (the backup export writer's). @default none @internal */
  _identityIdsFor?(role: ServerRole): string[] | undefined;
}

/** What every server of a deployment shares. */
export interface ServerDefaults {
  readonly deploymentName: string;
  readonly adminUsername: string;
  /** A variable reference, never a literal (SEC-1). */
  readonly adminPassword: string;
  readonly adDomain: string;
}
