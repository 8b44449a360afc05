import { Construct } from 'constructs';
import { SubnetRole } from '../model/network';
import { peerSites } from './peering';
import { SfbDeployment } from './deployment';
import { hosts, serversAsSource } from './flow-sources';
import { FrontEndPool } from './front-end-pool';
import { ModelParts } from './model-builder';
import { rejectUnknownProps, requireConstruct } from './validate-input';

export interface PairedPoolsProps {
  /** One pool of the pair; it backs up `backup` and is backed up by it. */
  readonly primary: FrontEndPool;
  /** The other pool of the pair (its backup pool and backup registrar). */
  readonly backup: FrontEndPool;
}

/**
 * Two Front End pools that back each other up (Topology Builder: Resiliency, Associated Backup
 * Pool): the 1:1 relation in the model, the two sites' networks peered both ways, and the flows the
 * Backup Service needs. Pool failover itself is manual: see `SfbDeployment.runbook()`.
 */
export class PairedPools extends Construct {
  readonly primary: FrontEndPool;
  readonly backup: FrontEndPool;

  constructor(scope: SfbDeployment, id: string, props: PairedPoolsProps) {
    super(scope, id);
    rejectUnknownProps(this, 'PairedPools', props, ['primary', 'backup']);
    if (!SfbDeployment.isSfbDeployment(scope)) {
      throw new Error(`PairedPools ${this.node.path}: scope must be an SfbDeployment`);
    }
    for (const [prop, pool] of [['primary', props.primary], ['backup', props.backup]] as const) {
      requireConstruct(this, 'PairedPools', prop, pool, (x): x is FrontEndPool => x instanceof FrontEndPool, 'a FrontEndPool construct');
      // A deployment is one topology of one product version, so this also rules out cross-version pairs (PAIR-20).
      if (pool.deployment !== scope) {
        throw new Error(`PairedPools ${this.node.path}: ${prop} ${pool.node.path} belongs to another SfbDeployment; a pool can only be paired with a pool of the same topology (and product version)`);
      }
    }
    this.primary = props.primary;
    this.backup = props.backup;
    if (this.primary !== this.backup) {
      peerSites(this.primary.site, this.backup.site);
      this.allowBackupTraffic(this.primary, this.backup);
      this.allowBackupTraffic(this.backup, this.primary);
    }
    scope._register(this);
  }

  /**
   * Opens what `from`'s Front Ends need towards `to` beyond what every Front End subnet already
   * accepts from every Front End (SIP, HTTPS, inter-pool 4443: FrontEndPool): SMB for the Backup
   * Service to `to`'s file store (FILE-4, PAIR-11; `fe-to-paired-file-store-smb`).
   */
  private allowBackupTraffic(from: FrontEndPool, to: FrontEndPool): void {
    if (to.fileStore) {
      to.fileStore._allowSmbFrom(from, 'fe-to-paired-file-store-smb', `Backup Service of paired pool ${from.fqdn}`);
      return;
    }
    // Standard Edition: the store is the server's local share.
    to.site._firewall(SubnetRole.FRONT_END).allow({
      name: `backup-smb-from-${from.site.node.id}-${from.node.id}`,
      ownerPath: this.node.path,
      source: `Front End servers of ${from.node.path}`,
      ...serversAsSource(to.site, from),
      destination: `local share of ${to.fqdn}`,
      destinationPrefixes: hosts(to._servers.servers),
      destinationGroup: to.site._serverGroup(to, to._servers.servers),
      flows: ['fe-to-paired-file-store-smb'],
      description: `SMB for the Backup Service from paired pool ${from.fqdn}`,
    });
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.pairs.push({
      path: this.node.path,
      primaryPath: this.primary.node.path,
      backupPath: this.backup.node.path,
    });
  }
}
