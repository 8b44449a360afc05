/**
 * Publishing the SfB side of the deployment: the topology document the library writes beside the
 * runbook (`topology.tbxml`, lib/reports/topology-document.ts) holds the same FQDNs, pools, stores and
 * pairings as the Azure side, so the admin publishes it instead of drawing the topology by hand.
 */
import { instanceParameter, poolSqlStore } from '../model/sql-instance';
import type { TopologyModel } from '../model/topology';
import { blocks, code, steps } from './markdown';

export function topologySection(m: TopologyModel): string {
  if (m.frontEndPools.length === 0) return '';
  const cms = m.frontEndPools.find((p) => p.hostsCentralManagementStore);
  // A Standard Edition server holds the store in its own `rtc` instance; a back end's default instance needs no name.
  const address = cms && poolSqlStore(m, cms);
  const store = address?.fqdn;
  const sql = `-SqlServerFqdn ${store ?? '<store FQDN>'}${address ? instanceParameter(address) : ''}`;
  const nat = m.edgePools.filter((e) => e.externalNat === true).map((e) => e.internalFqdn);
  return blocks(
    '## Publishing the topology',
    '`topology.tbxml` (beside this runbook; `deployment.topologyDocument()`) is the topology of this deployment as Topology Builder writes it: sites, pools and their servers, SQL and file stores, pairings, Edge next hops and external FQDNs, simple URLs. Publish it rather than drawing the topology by hand (docs/topology-document.md).',
    steps([
      `Prepare Active Directory and, once, create the Central Management Store${store ? ` on ${store}` : ''}: ${code(`Install-CsDatabase -CentralManagementDatabase ${sql}`)} and ${code(`Set-CsConfigurationStoreLocation ${sql}`)}.`,
      `Open \`topology.tbxml\` in Topology Builder (Open Topology, from a local file)${nat.length ? `, enter the public A/V address of each Edge server of ${nat.join(', ')} (the Edge pool's \`av_public_ips\` Terraform output, known after apply) where the document holds ${code('ConfiguredIPAddress="0.0.0.0"')}` : ''}, check what docs/topology-document.md marks unverified (pairings, mirroring, gateways, branch sites), then Publish Topology; or publish it from the shell: ${code('Publish-CsTopology -FileName topology.tbxml')}, then ${code('Enable-CsTopology')}.`,
      'Install the databases Topology Builder lists (Install Database) and run the Deployment Wizard (Bootstrapper.exe) on every server.',
    ]),
  );
}
