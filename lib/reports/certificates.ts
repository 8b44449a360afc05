/**
 * Certificate plan: subject and subject alternative names per pool, Edge and web service, following
 * "Environmental requirements / Plan for certificates" of Lync Server 2013 and Skype for Business Server.
 */
import { TopologyModel } from '../model/topology';
import { Finding } from '../rules/rule';
import { acknowledgedSection, header, heading, openFindingsSection, table } from './markdown';
import { voiceCertificateRows } from './voice-equipment';

const CERTIFICATE_RULES = ['EDGE-14', 'TOPO-3', 'DNS-3', 'DNS-4', 'NAME-2', 'NAME-4', 'TB-1'];

interface CertificateRow {
  readonly forWhat: string;
  readonly use: string;
  readonly subject: string;
  readonly sans: readonly string[];
  readonly issuer: string;
  readonly note: string;
}

const unique = (names: readonly string[]) => [...new Set(names.map((n) => n.toLowerCase()))];

/**
 * Simple URL hosts and the Autodiscover name a web certificate carries, from the deployment's simple
 * URLs (model.simpleUrls): internally Meet, Dial-in, Admin and lyncdiscoverinternal; externally Meet,
 * Dial-in and lyncdiscover (Admin is never published outside).
 */
function simpleUrls(model: TopologyModel, external: boolean): string[] {
  const plan = model.simpleUrls;
  const d = model.sipDomain.toLowerCase();
  if (!plan) return [`meet.${d}`, `dialin.${d}`, external ? `lyncdiscover.${d}` : `lyncdiscoverinternal.${d}`];
  return external ? [...plan.externalNames] : [...plan.internalNames];
}

/**
 * Names in the SIP domain the library publishes for a pool as an internal SRV target (a sign-in alias,
 * lib/model/registrar-discovery.ts): clients match them strictly, so they belong on the pool's certificate.
 */
function signInAliases(model: TopologyModel, poolPath: string, poolFqdn: string): string[] {
  return model.srvEntries.filter((e) => e.scope === 'private' && e.ownerPath === poolPath && e.target.toLowerCase() !== poolFqdn.toLowerCase()).map((e) => e.target);
}

export function certificateRows(model: TopologyModel): CertificateRow[] {
  const rows: CertificateRow[] = [];
  const webPools = [
    ...model.frontEndPools.map((p) => ({ ...p, kind: p.edition === 'Standard' ? 'Standard Edition server' : 'Front End pool' })),
    ...model.directorPools.map((p) => ({ ...p, kind: 'Director pool' })),
  ];
  for (const p of webPools) {
    const servers = p.servers.map((s) => s.fqdn);
    rows.push({
      forWhat: `${p.kind} ${p.fqdn}`,
      use: 'Default (server, internal web)',
      subject: p.fqdn,
      sans: unique([p.fqdn, ...servers, p.internalWebFqdn, ...signInAliases(model, p.path, p.fqdn), ...simpleUrls(model, false)]),
      issuer: 'internal CA',
      note: `one certificate per server (${p.servers.length}), same names on each`,
    });
    rows.push({
      forWhat: `${p.kind} ${p.fqdn}`,
      use: 'External web services',
      subject: p.fqdn,
      sans: unique([p.externalWebFqdn, ...simpleUrls(model, true)]),
      issuer: 'internal CA (the reverse proxy holds the public one)',
      note: 'bound to the external web site (ports 4443, 8080)',
    });
  }
  if (webPools.length > 0) {
    rows.push({
      forWhat: 'Server-to-server authentication',
      use: 'OAuthTokenIssuer',
      subject: model.sipDomain,
      sans: [],
      issuer: 'internal CA',
      note: 'one certificate for every Front End of the deployment (replicated by the Central Management Store)',
    });
    if ((model.reverseProxies ?? []).length === 0) {
      rows.push({
        forWhat: 'Reverse proxy',
        use: 'Published external web services',
        subject: webPools[0].externalWebFqdn,
        sans: unique([...webPools.map((p) => p.externalWebFqdn), ...simpleUrls(model, true)]),
        issuer: 'public CA',
        note: 'TLS from clients; bridges 443 to 4443 and 80 to 8080 on the next-hop pool (TOPO-3)',
      });
    }
  }
  rows.push(...reverseProxyRows(model));
  // Every Edge pool is ready to carry XMPP (EDGE-17), so each external certificate names it when XMPP is used.
  const xmpp = model.edgePools.some((e) => e.xmppFederation);
  for (const e of model.edgePools) {
    rows.push({
      forWhat: `Edge pool ${e.internalFqdn}`,
      use: 'External interface (Access, Web Conferencing, A/V authentication)',
      subject: e.accessEdgeFqdn,
      sans: unique([e.accessEdgeFqdn, e.webConferencingEdgeFqdn, `sip.${model.sipDomain}`, ...(xmpp ? [`xmpp.${model.sipDomain}`, `*.${model.sipDomain}`] : [])]),
      issuer: 'public CA',
      note: `the same certificate and private key on every server of the pool (${e.servers.length}), exported with its private key (EDGE-14: A/V authentication); the A/V Edge FQDN ${e.audioVideoEdgeFqdn} is not a SAN${xmpp ? '; xmpp.<domain> and the wildcard for XMPP federation (Edge environmental requirements)' : ''}`,
    });
    rows.push({
      forWhat: `Edge pool ${e.internalFqdn}`,
      use: 'Internal interface',
      subject: e.internalFqdn,
      sans: [],
      issuer: 'internal CA',
      note: 'subject name only',
    });
  }
  for (const m of model.mediationPools) {
    rows.push({ forWhat: `Mediation pool ${m.fqdn}`, use: 'Default', subject: m.fqdn, sans: unique([m.fqdn, ...m.servers.map((s) => s.fqdn)]), issuer: 'internal CA', note: '' });
  }
  // Plan Office Online Server: the farm's HTTPS certificate names the load-balanced farm FQDN (and each server).
  for (const f of model.officeOnlineFarms ?? []) {
    // Its external URL too (OWA-3): the reverse proxy forwards that Host header and probes by it.
    rows.push({ forWhat: `Office Online Server farm ${f.fqdn}`, use: 'HTTPS (farm)', subject: f.fqdn, sans: unique([f.fqdn, ...f.servers.map((s) => s.fqdn), ...(f.externalFqdn ? [f.externalFqdn] : [])]), issuer: 'internal CA', note: 'the same certificate on every server of the farm' });
  }
  for (const c of model.chatPools) {
    for (const s of c.servers) {
      rows.push({ forWhat: `Persistent Chat pool ${c.fqdn}`, use: 'Default', subject: s.fqdn, sans: [s.fqdn], issuer: 'internal CA', note: 'one per server' });
    }
  }
  rows.push(...voiceCertificateRows(model));
  return rows;
}

/** A ReverseProxy's public certificate: every name it publishes is a SAN (TOPO-3, OWA-3). */
function reverseProxyRows(model: TopologyModel): CertificateRow[] {
  return (model.reverseProxies ?? []).map((rp) => {
    const names = rp.published.map((p) => p.fqdn);
    const gateway = rp.kind === 'application-gateway';
    return {
      forWhat: `Reverse proxy ${rp.publicIpName} (${gateway ? 'Application Gateway' : `${rp.servers.length} Windows servers`})`,
      use: 'Published external web services, simple URLs, lyncdiscover, Office Online Server',
      subject: rp.published.find((p) => p.purpose === 'external web services')?.fqdn ?? names[0] ?? '',
      sans: unique(names),
      issuer: 'public CA',
      note: `${gateway ? 'a PFX in Key Vault, read through the gateway\'s user-assigned identity' : 'the same certificate and private key on every server (IIS ARR)'}; bridges 443 to 4443 and 80 to 8080 on the next hop (TOPO-3)`,
    };
  });
}

export function certificateReport(model: TopologyModel, findings: readonly Finding[] = []): string {
  const rows = certificateRows(model);
  return [
    header('Certificate plan', model),
    'Certificates the topology needs, with subject and subject alternative names (SAN): the simple URLs of the deployment (SfbDeployment `simpleUrls`), lyncdiscoverinternal on the internal and lyncdiscover on the external web certificates, sign-in aliases the internal SRV record targets. Every SIP domain needs its own sip.<domain> SAN on the Edge.\n',
    heading(2, 'Certificates'),
    table(['For', 'Use', 'Subject', 'Subject alternative names', 'Issuer', 'Note'], rows.map((r) => [r.forWhat, r.use, r.subject, r.sans.join(', '), r.issuer, r.note])),
    openFindingsSection(findings, CERTIFICATE_RULES),
    acknowledgedSection(findings, CERTIFICATE_RULES),
  ]
    .filter((part) => part !== '')
    .join('\n');
}
