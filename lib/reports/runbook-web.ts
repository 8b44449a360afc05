/**
 * Runbook parts for web services, simple URLs and Autodiscover (PAIR-21) and for what users experience
 * during a pool failover and failback. Pure functions of the model. Sources
 * (MicrosoftDocs/OfficeDocs-SkypeForBusiness): `Skype/SfbServer/plan-your-deployment/network-requirements/simple-urls.md`
 * ("Disaster Recovery option for simple URLs"),
 * `Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/user-experience.md`.
 */
import { SimpleUrlsModel, WebServicesPool } from '../model/simple-urls';
import { FrontEndPoolModel, TopologyModel } from '../model/topology';
import { bullets, code } from './markdown';

/** The resource group of the deployment-wide resources (DNS zones, Traffic Manager), from the model's Azure names. */
function sharedResourceGroup(m: TopologyModel): string {
  return m.simpleUrls?.resourceGroup ?? '<resource group of the DNS zones>';
}

/** The zone and relative name of a private name (the SIP-domain zone, else its parent domain). */
function zoneAndName(m: TopologyModel, fqdn: string): { zone: string; name: string } {
  const sip = m.sipDomain.toLowerCase();
  const zone = fqdn === sip || fqdn.endsWith(`.${sip}`) ? sip : fqdn.split('.').slice(1).join('.');
  return { zone, name: fqdn === zone ? '@' : fqdn.slice(0, fqdn.length - zone.length - 1) };
}

/** Commands that move the internal names from one web pool's internal addresses to another's. */
function moveInternalNames(m: TopologyModel, plan: SimpleUrlsModel, from: WebServicesPool, to: WebServicesPool): string {
  const rg = sharedResourceGroup(m);
  const commands = plan.internalNames.flatMap((fqdn) => {
    const { zone, name } = zoneAndName(m, fqdn);
    return [
      ...to.internalAddresses.map((ip) => `az network private-dns record-set a add-record -g ${rg} -z ${zone} -n ${name} -a ${ip}`),
      ...from.internalAddresses.map((ip) => `az network private-dns record-set a remove-record -g ${rg} -z ${zone} -n ${name} -a ${ip} --keep-empty-record-set`),
    ];
  });
  return commands.map(code).join('; ');
}

/** Whether a web pool is lost with a Front End pool: the pool itself, or a Director in its site when the whole site is down. */
function servesWeb(pool: FrontEndPoolModel, web: WebServicesPool | undefined): boolean {
  return web !== undefined && (web.path === pool.path || web.sitePath === pool.sitePath);
}

/**
 * The failover step for web services and simple URLs of a failed pool: Traffic Manager (external) and
 * the internal records, when the pool's site holds the primary web services.
 */
export function webFailoverStep(m: TopologyModel, pool: FrontEndPoolModel): string | undefined {
  const plan = m.simpleUrls;
  if (!plan?.primary || !servesWeb(pool, plan.primary)) return undefined;
  const { primary, standby } = plan;
  const external = plan.trafficManager
    ? `External names (${plan.externalNames.join(', ')}): Traffic Manager profile ${code(plan.trafficManager.profileName)} answers with the first endpoint whose ${code(`https://<external web FQDN>${plan.trafficManager.monitor.path}`)} returns 200; check that ${standby?.externalWebFqdn ?? 'the standby'} is now served: ${code(`az network traffic-manager endpoint list -g ${sharedResourceGroup(m)} --profile-name ${plan.trafficManager.profileName} --type externalEndpoints -o table`)} (endpointMonitorStatus Online for priority 2, Degraded for priority 1). Your reverse proxy must publish ${standby?.externalWebFqdn ?? 'the standby'} too.`
    : `External names (${plan.externalNames.join(', ')}): no Traffic Manager profile (PAIR-21); point them at the reverse proxy rule for ${standby?.externalWebFqdn ?? 'a surviving pool'} in your GeoDNS or public DNS.`;
  if (!standby) {
    return `Web services and simple URLs are served by ${primary.fqdn} (${primary.internalWebFqdn}) and no pool in another site can take them over: meetings (${plan.externalNames.join(', ')}) and mobile sign-in stop until it is restored.`;
  }
  const internal = `Internal names (${plan.internalNames.join(', ')}) point at the internal web services of ${primary.fqdn} (${primary.internalAddresses.join(', ')}) and Traffic Manager cannot probe private addresses: move them to ${standby.fqdn} (${standby.internalAddresses.join(', ')}): ${moveInternalNames(m, plan, primary, standby)}. Every \`terraform apply\` (also the one that rebuilds servers) puts them back on ${primary.fqdn}: repeat these commands after it until ${primary.fqdn} serves again.`;
  return `If ${primary.fqdn} (web services of the simple URLs and Autodiscover) is down too: ${external} ${internal}`;
}

/** The failback counterpart of `webFailoverStep`. */
export function webFailbackStep(m: TopologyModel, pool: FrontEndPoolModel): string | undefined {
  const plan = m.simpleUrls;
  if (!plan?.primary || !plan.standby || !servesWeb(pool, plan.primary)) return undefined;
  const external = plan.trafficManager
    ? `Traffic Manager returns ${plan.externalNames.join(', ')} to ${plan.primary.externalWebFqdn} by itself once its probe answers 200 (priority routing)`
    : `point ${plan.externalNames.join(', ')} back at ${plan.primary.externalWebFqdn}`;
  return `Web services and simple URLs, if they were moved: ${external}; move the internal names back: ${moveInternalNames(m, plan, plan.standby, plan.primary)} (or run \`terraform apply\`, which restores them).`;
}

/** What the users of a failed pool experience (user-experience.md), condensed for the operator. */
export function userExperience(pool: FrontEndPoolModel, partner: FrontEndPoolModel): string {
  return bullets([
    `When ${pool.fqdn} fails, its users are signed out; peer-to-peer sessions and the conferences they organised end. They cannot sign in again until the registrar resiliency timer expires or the failover is started, whichever comes first; then they sign in to ${partner.fqdn}.`,
    `Until the failover completes they are in resiliency mode: no persistent change (no contact added, no meeting scheduled or modified, contact list and Address Book unavailable). Calls, meetings and conversations must be re-established after the failover.`,
    `Users are not rehomed: they stay homed on ${pool.fqdn} and are served by ${partner.fqdn}. The Location Information Server database is not replicated: import it in ${partner.fqdn} after the failover (step above).`,
    `During failback (up to 60 minutes for 20,000 users) signed-in users stay on ${partner.fqdn}, are at some point signed out and sign back in to ${pool.fqdn} in resiliency mode; conferences they organise are terminated (a Rejoin button appears; everyone rejoins after failback), their presence shows unknown to other users of the pool, contacts and the Address Book are unavailable; peer-to-peer sessions keep working.`,
  ]);
}
