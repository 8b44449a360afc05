/**
 * The storage side of a site's backups, split so each piece lands in the stack of its region (a
 * stack per site): the export store lives in the partner site; the writers' identity, their role
 * assignment and the private endpoints of the protected site live in the protected site and name the
 * account by its resource ID (a string built from names, never a reference into another stack).
 * Plain inputs; no construct of lib/constructs is imported.
 */
import { Construct } from 'constructs';
import { PrivateDnsZone, PrivateDnsZoneVirtualNetworkLink, PrivateEndpoint, RoleAssignment, StorageAccount, StorageContainer, StorageManagementPolicy, UserAssignedIdentity } from '../azurerm';
import { assertNoProblems, StorageReplicationType } from '../model/backup-constraints';
import { backupStorageAccount, exportStoreProblems } from './backup';

/** The private DNS zone Azure resolves a blob private endpoint in. */
export const BLOB_PRIVATE_LINK_ZONE = 'privatelink.blob.core.windows.net';

export interface ExportStoreProps {
  readonly storageAccountName: string;
  /** Region of the account: the partner site's. */
  readonly location: string;
  readonly resourceGroupName: string;
  /** Region of the site whose exports it keeps (OFF-SITE check). */
  readonly protectedLocation: string;
  /** @default `sfb-exports` */
  readonly containerName?: string;
  /** @default GRS */
  readonly replicationType?: StorageReplicationType;
  /** @default 30 */
  readonly retentionDays?: number;
  /** @default false (see ExportStorageInput.allowProtectedRegion) */
  readonly allowProtectedRegion?: boolean;
  /** `prevent_destroy`. @default true */
  readonly protectData?: boolean;
}

/** The export account: private, TLS 1.2, no shared keys, a private container and an expiry rule. */
export class ExportStore extends Construct {
  readonly account: StorageAccount;
  readonly container: StorageContainer;

  constructor(scope: Construct, id: string, props: ExportStoreProps) {
    super(scope, id);
    const containerName = props.containerName ?? 'sfb-exports';
    const retentionDays = props.retentionDays ?? 30;
    assertNoProblems(`ExportStore ${this.node.path}`, exportStoreProblems({ ...props, containerName, retentionDays }, props.protectedLocation));
    this.account = backupStorageAccount(this, 'account', {
      name: props.storageAccountName,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      replicationType: props.replicationType ?? 'GRS',
      sharedKeys: false,
      protect: props.protectData ?? true,
    });
    this.container = new StorageContainer(this, 'container', { name: containerName, storageAccountId: this.account.id, containerAccessType: 'private' });
    new StorageManagementPolicy(this, 'retention', {
      storageAccountId: this.account.id,
      rule: [{
        name: 'expire-exports',
        enabled: true,
        filters: { blobTypes: ['blockBlob'], prefixMatch: [`${containerName}/`] },
        actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: retentionDays } },
      }],
    });
  }
}

/** The resource ID of a storage account from names (`subscriptionId` may be a data-source reference of this stack). */
export function storageAccountId(subscriptionId: string, resourceGroupName: string, accountName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Storage/storageAccounts/${accountName}`;
}

/** The resource ID of a blob container from names (the scope of a role assignment). */
export function blobContainerId(accountId: string, container: string): string {
  return `${accountId}/blobServices/default/containers/${container}`;
}

/** A site's own copy of the blob private-link zone, linked to its network only. */
export class BlobPrivateLinkZone extends Construct {
  readonly zone: PrivateDnsZone;

  constructor(scope: Construct, id: string, props: { readonly resourceGroupName: string; readonly linkName: string; readonly virtualNetworkId: string }) {
    super(scope, id);
    this.zone = new PrivateDnsZone(this, 'zone', { name: BLOB_PRIVATE_LINK_ZONE, resourceGroupName: props.resourceGroupName });
    new PrivateDnsZoneVirtualNetworkLink(this, 'link', {
      name: props.linkName,
      resourceGroupName: props.resourceGroupName,
      privateDnsZoneName: this.zone.name,
      virtualNetworkId: props.virtualNetworkId,
      registrationEnabled: false,
    });
  }
}

export interface BlobEndpointProps {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly subnetId: string;
  /** The account's ID: a reference in the same stack, or `storageAccountId(...)` across stacks. */
  readonly storageAccountId: string;
  readonly storageAccountName: string;
  readonly privateDnsZoneId: string;
}

/**
 * A private endpoint to an account's blob service, registered in the site's private-link zone. It
 * lives in the site's private-endpoint subnet, where no address is planned, so Azure's dynamic
 * address never meets a server's static one.
 */
export function blobEndpoint(scope: Construct, id: string, props: BlobEndpointProps): PrivateEndpoint {
  return new PrivateEndpoint(scope, id, {
    name: props.name,
    location: props.location,
    resourceGroupName: props.resourceGroupName,
    subnetId: props.subnetId,
    privateServiceConnection: {
      name: `${props.storageAccountName}-blob`,
      isManualConnection: false,
      privateConnectionResourceId: props.storageAccountId,
      subresourceNames: ['blob'],
    },
    privateDnsZoneGroup: { name: 'blob', privateDnsZoneIds: [props.privateDnsZoneId] },
  });
}

/**
 * The identity a site's Front Ends upload the exports with (`azcopy login --identity`), and its one
 * role: Storage Blob Data Contributor on the export container, named by ID. No key anywhere. The
 * identity exists before the servers that carry it; the role once the container is known.
 */
export class ExportWriter extends Construct {
  readonly identity: UserAssignedIdentity;
  private role?: RoleAssignment;

  constructor(scope: Construct, id: string, props: { readonly name: string; readonly location: string; readonly resourceGroupName: string }) {
    super(scope, id);
    this.identity = new UserAssignedIdentity(this, 'identity', { name: props.name, location: props.location, resourceGroupName: props.resourceGroupName });
  }

  /** Grants the identity write access to one container (once). */
  allowWrite(containerId: string): RoleAssignment {
    this.role ??= new RoleAssignment(this, 'exports-contributor', {
      scope: containerId,
      roleDefinitionName: 'Storage Blob Data Contributor',
      principalId: this.identity.principalId,
      principalType: 'ServicePrincipal',
    });
    return this.role;
  }
}
