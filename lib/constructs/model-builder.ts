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
  ReverseProxyModel,
  SiteModel,
  TopologyModel,
} from '../model/topology';
import type { BranchSiteModel, PstnPeerModel, SurvivableBranchModel, VoiceRouteModel } from '../model/voice';

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
  reverseProxies: ReverseProxyModel[];
  peerings: PeeringModel[];
  voice: { peers: PstnPeerModel[]; routes: VoiceRouteModel[]; branchSites: BranchSiteModel[]; survivableBranches: SurvivableBranchModel[] };
  extra: Record<string, unknown>;
}

/** A construct that records itself into the topology model. */
export interface ITopologyMember {
  /** @internal */
  _contribute(parts: ModelParts): void;
  /** Renders what the member builds from the whole plan (a reverse proxy's listeners), once, at synthesis. @internal */
  _renderFromPlan?(model: TopologyModel): void;
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
    reverseProxies: [],
    peerings: [],
    voice: { peers: [], routes: [], branchSites: [], survivableBranches: [] },
    extra: {},
  };
}
