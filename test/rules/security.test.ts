import { SECURITY_RULES } from '../../lib/rules/security';
import { check, modelOf, testPool, testSite } from '../helpers';

const rule = (id: string) => SECURITY_RULES.find((r) => r.id === id);
const model = modelOf(({ deployment }) => testPool(testSite(deployment)));

describe('SEC-1: no literal secrets', () => {
  test('the admin password is a sensitive variable', () => {
    expect(model.credentials.map((c) => c.source)).toEqual(['sensitive-variable']);
    expect(check(rule('SEC-1'), model)).toEqual([]);
  });
  test('a literal credential is an error', () => {
    const m = { ...model, credentials: [...model.credentials, { path: 'x', name: 'sql sa', source: 'literal' as const }] };
    expect(check(rule('SEC-1'), m)[0].message).toMatch(/sql sa.*literal/);
  });
});

describe('SEC-2: no admin ports from the Internet', () => {
  test('the synthesized flows come from the virtual networks only', () => {
    expect(model.flows.length).toBeGreaterThan(0);
    expect(model.flows.every((f) => f.sourcePrefixes.every((p) => p !== 'Internet' && p !== '*'))).toBe(true);
    expect(check(rule('SEC-2'), model)).toEqual([]);
  });
  test('RDP from the Internet is an error; a range covering 5985 too', () => {
    const flow = { ...model.flows[0], name: 'rdp', source: 'Internet', sourcePrefixes: ['Internet'], ports: ['3389', '5980-5990'] };
    expect(check(rule('SEC-2'), { ...model, flows: [flow] })[0].message).toMatch(/3389, 5985, 5986/);
  });
  test('Internet to 443 is not an admin port', () => {
    const flow = { ...model.flows[0], source: 'Internet', sourcePrefixes: ['Internet'], ports: ['443'] };
    expect(check(rule('SEC-2'), { ...model, flows: [flow] })).toEqual([]);
  });
});
