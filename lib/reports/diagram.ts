/** A Mermaid flowchart of the topology: sites as subgraphs, pools and back ends as nodes, their links as edges. */
import { TopologyModel } from '../model/topology';
import { productName } from '../model/queries';
import { voiceOf } from '../model/voice';

const id = (path: string) => `n_${path.replace(/[^A-Za-z0-9]/g, '_')}`;
/** Mermaid label text: no quotes or brackets that would end the label. */
const text = (s: string) => s.replace(/["[\]{}<>]/g, '');

interface Node {
  readonly path: string;
  readonly sitePath?: string;
  readonly label: string;
  readonly shape: 'box' | 'db' | 'round';
}

function shape(n: Node): string {
  const label = `"${n.label}"`;
  return n.shape === 'db' ? `[(${label})]` : n.shape === 'round' ? `(${label})` : `[${label}]`;
}

export function topologyDiagram(model: TopologyModel): string {
  const voice = voiceOf(model);
  const nodes: Node[] = [
    ...model.frontEndPools.map((p) => ({
      path: p.path,
      sitePath: p.sitePath,
      label: `${p.edition === 'Standard' ? 'Standard Edition' : 'Front End pool'}<br/>${text(p.fqdn)}<br/>${p.servers.length} server(s)`,
      shape: 'box' as const,
    })),
    ...model.backEnds.map((b) => ({
      path: b.path,
      sitePath: b.sitePath,
      label: `Back End ${b.mode}<br/>SQL ${b.sqlVersion} ${b.sqlEdition}<br/>${b.servers.length} server(s)`,
      shape: 'db' as const,
    })),
    ...model.edgePools.map((e) => ({ path: e.path, sitePath: e.sitePath, label: `Edge pool<br/>${text(e.accessEdgeFqdn)}<br/>${e.servers.length} server(s)`, shape: 'round' as const })),
    ...model.directorPools.map((d) => ({ path: d.path, sitePath: d.sitePath, label: `Director pool<br/>${text(d.fqdn)}<br/>${d.servers.length} server(s)`, shape: 'box' as const })),
    ...model.mediationPools.map((m) => ({ path: m.path, sitePath: m.sitePath, label: `Mediation pool<br/>${text(m.fqdn)}<br/>${m.servers.length} server(s)`, shape: 'box' as const })),
    ...model.fileStores.map((f) => ({ path: f.path, sitePath: f.sitePath, label: `File store<br/>${text(f.shareUnc)}`, shape: 'db' as const })),
    ...model.chatPools.map((c) => ({ path: c.path, label: `Persistent Chat pool<br/>${text(c.fqdn)}<br/>${c.servers.length} server(s)`, shape: 'box' as const })),
    ...(model.officeOnlineFarms ?? []).map((f) => ({ path: f.path, sitePath: f.sitePath, label: `Office Online Server farm<br/>${text(f.fqdn)}<br/>${f.servers.length} server(s)`, shape: 'box' as const })),
    ...(model.reverseProxies ?? []).map((r) => ({
      path: r.path,
      sitePath: r.sitePath,
      label: `Reverse proxy<br/>${r.kind === 'application-gateway' ? `Application Gateway${r.wafEnabled ? ' WAF' : ''}` : `${r.servers.length} IIS ARR server(s)`}<br/>${r.published.length} name(s)`,
      shape: 'round' as const,
    })),
    ...voice.peers.map((g) => ({ path: g.path, sitePath: g.sitePath, label: `${g.kind === 'sip-trunk' ? 'SIP trunk SBC' : 'PSTN gateway'}<br/>${text(g.fqdn)}<br/>${g.address}`, shape: 'round' as const })),
    ...voice.survivableBranches.map((b) => ({ path: b.path, sitePath: b.branchPath, label: `Survivable Branch ${b.kind === 'appliance' ? 'Appliance' : 'Server'}<br/>${text(b.fqdn)}<br/>${b.users} user(s)`, shape: 'box' as const })),
  ];
  const lines = ['flowchart LR', `  %% ${productName(model)}, SIP domain ${model.sipDomain}`];
  for (const site of model.sites) {
    lines.push(`  subgraph ${id(site.path)}["Site ${text(site.name)} (${site.location}, ${site.availabilityZones.length > 0 ? `zones ${site.availabilityZones.join(',')}` : 'availability sets'})"]`);
    for (const n of nodes.filter((x) => x.sitePath === site.path)) lines.push(`    ${id(n.path)}${shape(n)}`);
    lines.push('  end');
  }
  // Branch sites: a subgraph of their own (on premises, or a network in Azure), tied to their central site by an edge.
  for (const branch of voice.branchSites) {
    const where = branch.location !== undefined ? `Azure ${text(branch.location)}` : 'on premises';
    lines.push(`  subgraph ${id(branch.path)}["Branch ${text(branch.name)} (${where}${branch.addressSpace ? `, ${branch.addressSpace}` : ''})"]`);
    for (const n of nodes.filter((x) => x.sitePath === branch.path)) lines.push(`    ${id(n.path)}${shape(n)}`);
    lines.push('  end');
  }
  const grouped = new Set([...model.sites.map((s) => s.path), ...voice.branchSites.map((b) => b.path)]);
  for (const n of nodes.filter((x) => !grouped.has(x.sitePath ?? ''))) lines.push(`  ${id(n.path)}${shape(n)}`);
  const known = new Set(nodes.map((n) => n.path));
  const edge = (from: string | undefined, to: string | undefined, label: string, arrow = '-->') => {
    if (from && to && known.has(from) && known.has(to)) lines.push(`  ${id(from)} ${arrow}|${label}| ${id(to)}`);
  };
  for (const p of model.frontEndPools) {
    edge(p.path, p.backEndPath, 'SQL store');
    edge(p.path, p.associatedEdgePath, 'media via Edge', '-.->');
  }
  for (const pair of model.pairs) edge(pair.primaryPath, pair.backupPath, 'paired', '<-->');
  for (const e of model.edgePools) edge(e.path, e.nextHopPath, 'next hop');
  for (const m of model.mediationPools) edge(m.path, m.nextHopPath, 'next hop');
  for (const f of model.fileStores) for (const p of f.poolPaths) edge(p, f.path, 'file store');
  for (const c of model.chatPools) {
    edge(c.path, c.homePoolPath, 'home pool');
    edge(c.path, c.backEndPath, 'SQL store');
  }
  for (const p of model.frontEndPools) edge(p.path, p.officeOnlineFarmPath, 'meeting content');
  // One edge per next hop, labelled with the ports it forwards.
  for (const r of model.reverseProxies ?? []) {
    for (const hop of [...new Set(r.published.map((p) => p.nextHopPath))]) {
      const bridging = r.published.find((p) => p.nextHopPath === hop)!.bridging;
      edge(r.path, hop, bridging.map((b) => `${b.listenerPort} to ${b.backendPort}`).join(', '));
    }
  }
  for (const g of voice.peers) edge(g.path, g.mediationPath, 'SIP');
  for (const b of voice.survivableBranches) edge(b.path, b.backupRegistrarPath, 'backup Registrar', '-.->');
  for (const b of voice.branchSites) lines.push(`  ${id(b.path)} -.-|${b.location !== undefined ? 'peering' : 'WAN'}| ${id(b.centralSitePath)}`);
  return lines.join('\n') + '\n';
}

/** The diagram as a Markdown page (docs/topology.md). */
export function topologyDiagramPage(model: TopologyModel, title: string): string {
  return `# ${title}\n\nGenerated from the topology model by \`npm run diagram\`; do not edit (a test checks it is current).\n\n\`\`\`mermaid\n${topologyDiagram(model)}\`\`\`\n`;
}
