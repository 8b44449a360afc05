/** A two-site deployment with a pool per site and a stretched Persistent Chat pool, for chat tests. */
import { CentralSite, FrontEndPool, SfbDeploymentProps, StretchedPersistentChatPool, StretchedPersistentChatPoolProps } from '../lib';
import { testDeployment, testPool, testSite } from './helpers';

export interface ChatSites {
  readonly west: CentralSite;
  readonly north: CentralSite;
  readonly westPool: FrontEndPool;
  readonly northPool: FrontEndPool;
}

type ChatProps = Partial<StretchedPersistentChatPoolProps>;

/** Sites `west` and `north` with a pool each; the chat pool: 2 active in west, 2 idle in north, unless `props` says otherwise. */
export function chatTopology(props: ChatProps | ((sites: ChatSites) => ChatProps) = {}, deploymentProps: Partial<SfbDeploymentProps> = {}) {
  const { stack, deployment } = testDeployment(deploymentProps);
  const west = testSite(deployment, 'west');
  const north = testSite(deployment, 'north');
  const westPool = testPool(west, 'pool');
  const northPool = testPool(north, 'pool');
  const sites = { west, north, westPool, northPool };
  const chat = new StretchedPersistentChatPool(deployment, 'chat', {
    fqdn: 'pchat.corp.contoso.com',
    primarySite: west,
    secondarySite: north,
    homePool: westPool,
    primaryActiveServers: 2,
    secondaryIdleServers: 2,
    ...(typeof props === 'function' ? props(sites) : props),
  });
  return { stack, deployment, ...sites, chat };
}
