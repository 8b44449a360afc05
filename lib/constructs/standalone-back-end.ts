import { SqlServers } from '../azure/sql';
import { BackEndMode, SqlEdition } from '../enums';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { SqlBackEnd, SqlBackEndProps } from './sql-back-end';

export interface StandaloneBackEndProps extends SqlBackEndProps {
  /** SQL Server edition of the image. @default SqlEdition.STANDARD */
  readonly sqlEdition?: SqlEdition;
}

/** One SQL Server VM without HA: the pool has no Back End high availability (BE-1 warns). */
export class StandaloneBackEnd extends SqlBackEnd {
  readonly mode = BackEndMode.STANDALONE;
  /** @internal */
  readonly _sql: SqlServers;

  constructor(scope: CentralSite, id: string, props: StandaloneBackEndProps) {
    super(scope, id, 'StandaloneBackEnd', props, [], SqlEdition.STANDARD, props?.sqlEdition);
    this._sql = new SqlServers(this, 'sql', {
      site: scope,
      deployment: this.deployment,
      namePrefix: this.namePrefix,
      fitComputerNames: this._fitComputerNames,
      count: 1,
      sqlVersion: this.sqlVersion,
      sqlEdition: this.sqlEdition,
      vmSize: props.vmSize,
      protectData: this.protectDataDisks,
    });
    const server = this._sql.servers[0];
    this._publishStore(server.model.fqdn, server.privateIp);
    this.deployment._register(this);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.backEnds.push({
      ...this._baseModel(this._sql.group.models),
    });
  }
}
