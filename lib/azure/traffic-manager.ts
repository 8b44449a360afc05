/**
 * The Azure Traffic Manager profile of the simple URLs and external Autodiscover (PAIR-21): priority
 * routing over the external web services of the primary and standby pools, probed over HTTPS on the
 * Autodiscover root as simple-urls.md asks for monitoring. Rendered once from the plan
 * (lib/model/simple-urls.ts). Provider constraints, hashicorp/terraform-provider-azurerm
 * `internal/services/trafficmanager/traffic_manager_profile_resource.go`: `interval_in_seconds` 10 or 30,
 * `timeout_in_seconds` 5 to 10 (below 10 with a 10-second interval), `tolerated_number_of_failures`
 * 0 to 9, `expected_status_code_ranges` as `min-max`; `external_endpoint_resource.go`: `priority` 1 to
 * 1000, `target` an FQDN.
 */
import { Construct } from 'constructs';
import { TrafficManagerExternalEndpoint, TrafficManagerProfile } from '../azurerm';
import { TrafficManagerPlan } from '../model/simple-urls';

/** Seconds between probes, probe timeout and failures tolerated: a failed pool leaves DNS within about 90 s plus the TTL. */
export const TRAFFIC_MANAGER_MONITOR = { intervalInSeconds: 30, timeoutInSeconds: 10, toleratedNumberOfFailures: 3 } as const;
/** TTL of the profile's answers: short, so clients follow a failover quickly. */
export const TRAFFIC_MANAGER_TTL = 60;

export function renderTrafficManager(scope: Construct, plan: TrafficManagerPlan, resourceGroupName: string): TrafficManagerProfile {
  const profile = new TrafficManagerProfile(scope, 'web-traffic-manager', {
    name: plan.profileName,
    resourceGroupName,
    trafficRoutingMethod: plan.routing,
    dnsConfig: { relativeName: plan.relativeName, ttl: TRAFFIC_MANAGER_TTL },
    monitorConfig: {
      protocol: plan.monitor.protocol,
      port: plan.monitor.port,
      path: plan.monitor.path,
      expectedStatusCodeRanges: [plan.monitor.expectedStatus],
      ...TRAFFIC_MANAGER_MONITOR,
    },
  });
  for (const e of plan.endpoints) {
    new TrafficManagerExternalEndpoint(scope, `web-traffic-manager-${e.name}`, {
      name: e.name,
      profileId: profile.id,
      target: e.target,
      priority: e.priority,
    });
  }
  return profile;
}
