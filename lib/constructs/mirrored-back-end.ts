/**
 * SQL Server database mirroring back end (Lync Server 2013, Skype for Business Server 2015).
 *
 * Mirroring is always synchronous (high safety): the construct has no asynchronous option, so
 * BE-2 holds by construction. The mirroring session itself is created by Topology Builder and
 * `Install-CsMirrorDatabase` once the pool is published; the library builds the servers, disks,
 * network rules and DNS, and writes the exact values and command as a Terraform output.
 */
import { SubnetRole } from '../model/network';
import { SqlServers } from '../azure/sql';
import { BackEndMode, SqlEdition } from '../enums';
import { ServerRole } from '../model/topology';
import { forVersion } from './flow-sources';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { optionalBoolean, optionalVmSize } from './validate-input';
import { SqlBackEnd, SqlBackEndProps } from './sql-back-end';
import { serverNaming } from '../model/names';

export interface MirroredBackEndProps extends SqlBackEndProps {
  /** SQL Server edition of the image. @default SqlEdition.ENTERPRISE */
  readonly sqlEdition?: SqlEdition;
  /** A witness server, which enables automatic failover (BE-3). @default true */
  readonly witness?: boolean;
  /** VM size of the witness (it holds no pool data). @default Standard_D4s_v5; in lab mode the lab size of the role */
  readonly witnessVmSize?: string;
}

/** Default mirroring endpoint ports (S-MIRDEP): principal and mirror 5022, witness 7022. */
export const MIRRORING_PORT = 5022;
export const WITNESS_PORT = 7022;

/** Principal and mirror in different zones, a witness in a third when `witness` is true. */
export class MirroredBackEnd extends SqlBackEnd {
  readonly mode = BackEndMode.MIRRORING;
  readonly witness: boolean;
  /** Principal (first) and mirror (second). @internal */
  readonly _sql: SqlServers;
  /** @internal */
  readonly _witnessSql?: SqlServers;

  constructor(scope: CentralSite, id: string, props: MirroredBackEndProps) {
    super(scope, id, 'MirroredBackEnd', props, ['witness', 'witnessVmSize'], SqlEdition.ENTERPRISE, props?.sqlEdition);
    this.witness = optionalBoolean(this, 'MirroredBackEnd', 'witness', props.witness, true);
    const witnessVmSize = optionalVmSize(this, 'MirroredBackEnd', props.witnessVmSize, 'witnessVmSize');
    const deployment = this.deployment;
    this._sql = new SqlServers(this, 'sql', {
      site: scope,
      deployment: this.deployment,
      namePrefix: this.namePrefix,
      fitComputerNames: this._fitComputerNames,
      count: 2,
      sqlVersion: this.sqlVersion,
      sqlEdition: this.sqlEdition,
      vmSize: props.vmSize,
      protectData: this.protectDataDisks,
      haMode: 'mirroring',
    });
    if (this.witness) {
      // Same SQL version as principal and mirror (BE-4); third zone, so one zone loss leaves two of three.
      this._witnessSql = new SqlServers(this, 'witness', {
        site: scope,
        deployment: this.deployment,
        ...serverNaming(undefined, `${this.namePrefix}w`),
        count: 1,
        sqlVersion: this.sqlVersion,
        sqlEdition: this.sqlEdition,
        role: ServerRole.SQL_WITNESS,
        // Absent: SqlServers picks the role's default (Standard_D4s_v5, or the lab's size in lab mode).
        vmSize: witnessVmSize,
        firstZoneIndex: 2,
        dataDisks: false,
      });
    }
    const [principal, mirror] = this._sql.servers;
    const all = [...this._sql.servers, ...(this._witnessSql?.servers ?? [])];
    for (const s of all) deployment._dns.addA('private', s.model.fqdn, [s.privateIp]);

    const fw = scope._firewall(SubnetRole.BACK_END);
    const partners = this._sql.servers.map((s) => `${s.privateIp}/32`);
    fw.allow({
      name: `${this.node.id}-mirroring`,
      ownerPath: this.node.path,
      // The witness connects to the partners' endpoints too (every instance of a session talks to the others).
      source: this._witnessSql ? `principal, mirror and witness of ${this.node.id}` : `principal and mirror of ${this.node.id}`,
      sourcePrefixes: all.map((s) => `${s.privateIp}/32`),
      destination: `principal and mirror of ${this.node.id}`,
      destinationPrefixes: partners,
      flows: forVersion(deployment.productVersion, ['back-end-mirroring']),
    });
    if (this._witnessSql) {
      fw.allow({
        name: `${this.node.id}-mirroring-witness`,
        ownerPath: this.node.path,
        source: `principal and mirror of ${this.node.id}`,
        sourcePrefixes: partners,
        destination: `witness of ${this.node.id}`,
        destinationPrefixes: this._witnessSql.servers.map((s) => `${s.privateIp}/32`),
        flows: forVersion(deployment.productVersion, ['back-end-mirroring-witness']),
      });
    }

    this._publishStore(principal.model.fqdn, principal.privateIp);
    this._output('mirroring-setup', 'mirroring_setup', this.setupText(principal.model.fqdn, mirror.model.fqdn), `What the operator enters in Topology Builder and runs to start mirroring for back end ${this.node.path}.`);
    deployment._register(this);
  }

  /** The Topology Builder values and the command that creates the mirror databases (S-MIRDEP). */
  private setupText(principal: string, mirror: string): string {
    const witness = this._witnessSql?.servers[0].model.fqdn;
    return [
      `Topology Builder, pool properties: SQL Server store ${principal}; enable SQL Server store mirroring; mirror store ${mirror}; mirroring port ${MIRRORING_PORT}`,
      witness
        ? `Use SQL Server mirroring witness to enable automatic failover: ${witness}, witness port ${WITNESS_PORT}`
        : 'No witness: failover is manual (Invoke-CsDatabaseFailover)',
      `Create a share \\\\${principal.split('.')[0]}\\csdatabackup readable and writable by the SQL Server service accounts of principal and mirror, publish the topology, then run:`,
      `Install-CsMirrorDatabase -ConfiguredDatabases -FileShare \\\\${principal.split('.')[0]}\\csdatabackup -SqlServerFqdn ${principal} -DropExistingDatabasesOnMirror -Verbose`,
    ].join('\n');
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.backEnds.push({
      ...this._baseModel(this._sql.group.models),
      witness: this.witness,
      synchronous: true,
      mirrorSqlVersion: this.sqlVersion,
      mirrorSqlEdition: this.sqlEdition,
      ...(this._witnessSql ? { witnessSqlVersion: this.sqlVersion, witnessServer: this._witnessSql.group.models[0] } : {}),
      mirroringPorts: { endpoint: MIRRORING_PORT, witness: WITNESS_PORT },
    });
  }
}
