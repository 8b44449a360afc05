/**
 * A site's application security groups: one per server group (a pool's members, a back end's
 * replicas), each NIC associated once. NSG rules name a group instead of its servers' addresses, so
 * adding a server adds an association and changes no rule. A group and every NIC in it live in the
 * site's region and virtual network, as Azure requires of the groups a rule names
 * (azure-docs articles/virtual-network/application-security-groups.md, "Allow rules").
 */
import { Construct } from 'constructs';
import { ApplicationSecurityGroup, NetworkInterfaceApplicationSecurityGroupAssociation } from '../azurerm';
import { stableHash } from '../model/keyed-slots';
import type { Server } from './servers';

/** Azure's limit for application security group names (Microsoft.Network, 1-80 characters). */
const MAX_NAME = 80;

export interface SecurityGroupsProps {
  readonly location: string;
  readonly resourceGroupName: string;
  /** Prefix of every group's Azure name (`asg-<deployment>-<site>`). */
  readonly namePrefix: string;
}

/**
 * `<prefix>-<key>`, or when that exceeds Azure's 80 characters (or ends in `-`/`.`) its first
 * characters and a stable hash of the whole name (`…-01a2b3c`), so any construct ID gives a legal,
 * distinct name.
 */
export function securityGroupName(prefix: string, key: string): string {
  // Azure: letters, digits, '_', '.', '-'; ends with a letter, digit or '_'.
  const full = `${prefix}-${key}`.replace(/[^A-Za-z0-9_.-]/g, '-');
  if (full.length <= MAX_NAME && /[A-Za-z0-9_]$/.test(full)) return full;
  const hash = stableHash(full).toString(36).padStart(7, '0');
  return `${full.slice(0, MAX_NAME - hash.length - 1).replace(/[-.]+$/, '')}-${hash}`;
}

export class SecurityGroups extends Construct {
  private readonly groups = new Map<string, { readonly asg: ApplicationSecurityGroup; readonly owner: string; readonly members: Set<string> }>();

  constructor(scope: Construct, id: string, private readonly props: SecurityGroupsProps) {
    super(scope, id);
  }

  /**
   * Puts each server's internal NIC (the one holding its `privateIp`, the address rules name it by)
   * into group `key` (created on first use), once per server; the association lives with the server,
   * so it comes and goes with it.
   */
  add(key: string, ownerPath: string, servers: readonly Server[]): void {
    let group = this.groups.get(key);
    if (!group) {
      const asg = new ApplicationSecurityGroup(this, key, { name: securityGroupName(this.props.namePrefix, key), location: this.props.location, resourceGroupName: this.props.resourceGroupName });
      this.groups.set(key, (group = { asg, owner: ownerPath, members: new Set() }));
    } else if (group.owner !== ownerPath) {
      throw new Error(`application security group ${key}: already holds the servers of ${group.owner}; ${ownerPath} needs a group key of its own`);
    }
    for (const server of servers) {
      if (group.members.has(server.model.path)) continue;
      const k = server.model.nics.findIndex((n) => n.privateIp === server.privateIp);
      if (k < 0) throw new Error(`application security group ${key}: server ${server.model.path} has no NIC with its address ${server.privateIp}`);
      group.members.add(server.model.path);
      new NetworkInterfaceApplicationSecurityGroupAssociation(server.vm.node.scope as Construct, `asg-${key}`, { networkInterfaceId: server.nics[k].id, applicationSecurityGroupId: group.asg.id });
    }
  }

  /** The ID of group `key`, or undefined when no server was put in it. */
  id(key: string): string | undefined {
    return this.groups.get(key)?.asg.id;
  }
}
