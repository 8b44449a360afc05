/** What constructs contribute to the model; the deployment assembles it in registration order. */
import {
  BackEndModel,
  ChatPoolModel,
  DirectorPoolModel,
  EdgePoolModel,
  FileStoreModel,
  FrontEndPoolModel,
  MediationPoolModel,
  OfficeOnlineFarmModel,
  PairModel,
  PeeringModel,
  SiteModel,
} from '../model/topology';

export interface ModelParts {
  sites: SiteModel[];
  frontEndPools: FrontEndPoolModel[];
  backEnds: BackEndModel[];
  pairs: PairModel[];
  fileStores: FileStoreModel[];
  edgePools: EdgePoolModel[];
  chatPools: ChatPoolModel[];
  directorPools: DirectorPoolModel[];
  mediationPools: MediationPoolModel[];
  officeOnlineFarms: OfficeOnlineFarmModel[];
  peerings: PeeringModel[];
  extra: Record<string, unknown>;
}

/** A construct that records itself into the topology model. */
export interface ITopologyMember {
  /** @internal */
  _contribute(parts: ModelParts): void;
}

export function emptyParts(): ModelParts {
  return {
    sites: [],
    frontEndPools: [],
    backEnds: [],
    pairs: [],
    fileStores: [],
    edgePools: [],
    chatPools: [],
    directorPools: [],
    mediationPools: [],
    officeOnlineFarms: [],
    peerings: [],
    extra: {},
  };
}
