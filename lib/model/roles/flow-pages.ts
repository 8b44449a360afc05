/**
 * The pages the role files' flows come from (`DocumentedFlow.source`), each a path in
 * MicrosoftDocs/OfficeDocs-SkypeForBusiness unless it names another repository, and the version
 * groups the flows name. One place, so two roles that cite one page cite it the same way.
 */
import { ProductVersion } from '../../enums';

export const PAGE = Object.freeze({
  PORTS: 'Skype/SfbServer/plan-your-deployment/network-requirements/ports-and-protocols.md',
  EDGE: 'Skype/SfbServer/plan-your-deployment/edge-server-deployments/edge-environmental-requirements.md',
  LYNC_AV: 'Lync/LyncServer/lync-server-2013-determine-external-a-v-firewall-and-port-requirements.md',
  LYNC_EDGE_SUMMARY: 'Lync/LyncServer/lync-server-2013-port-summary-scaled-consolidated-edge-dns-load-balancing-with-public-ip-addresses.md',
  REVERSE_PROXY: 'Lync/LyncServer/lync-server-2013-port-summary-reverse-proxy.md',
  FE_DR: 'Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md',
  MIRRORING: 'Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/sql-mirroring-for-high-availability.md',
  ALWAYS_ON: 'Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md',
  CHAT_TOPOLOGY: 'Skype/SfbServer/plan-your-deployment/persistent-chat-server/topology.md',
  CHAT_DR: 'Skype/SfbServer/plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery.md',
  TBXML: 'AutomatedLab/SfBAutomatedLab: Sample Topologies/Contoso.tbxml',
  AD_PORTS: 'MicrosoftDocs/SupportArticles-docs: support/windows-server/active-directory/config-firewall-for-ad-domains-and-trusts.md',
  HYBRID_PORTS: 'Skype/SfbServer/skype-for-business-hybrid-solutions/plan-hybrid-connectivity.md',
  WINDOWS_PORTS: 'MicrosoftDocs/SupportArticles-docs: support/windows-server/networking/service-overview-and-network-port-requirements.md',
});

/** Lync Server 2013 and Skype for Business Server 2015: the versions with Persistent Chat, XMPP and mirroring. */
export const NOT_2019: readonly ProductVersion[] = Object.freeze([ProductVersion.LYNC_SERVER_2013, ProductVersion.SKYPE_FOR_BUSINESS_2015]);
/** 2015 and later (Subscription Edition takes 2019's flows): AlwaysOn back ends. */
export const HA_2015_ON: readonly ProductVersion[] = Object.freeze([ProductVersion.SKYPE_FOR_BUSINESS_2015, ProductVersion.SKYPE_FOR_BUSINESS_2019, ProductVersion.SKYPE_FOR_BUSINESS_SE]);
