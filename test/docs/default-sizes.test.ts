/**
 * The default VM sizes the area docs state are the ones the constructs use (issue 28: docs/edge.md and
 * docs/director-mediation-voice.md quoted a size no construct had), and each doc says lab mode differs.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ProductVersion } from '../../lib';
import { ServerRole } from '../../lib/model/topology';
import { recommendedVmSize } from '../../lib/model/versions';

const doc = (file: string) => readFileSync(join(__dirname, '..', '..', 'docs', file), 'utf8').replace(/\s+/g, ' ');

/** How a doc states a role's default: one size, or the 2013/2015 size and the 2019/SE size. */
function stated(role: ServerRole): string {
  const [older, newer] = [ProductVersion.SKYPE_FOR_BUSINESS_2015, ProductVersion.SKYPE_FOR_BUSINESS_SE].map((v) => recommendedVmSize(v, role));
  expect(recommendedVmSize(ProductVersion.LYNC_SERVER_2013, role)).toBe(older);
  expect(recommendedVmSize(ProductVersion.SKYPE_FOR_BUSINESS_2019, role)).toBe(newer);
  return older === newer ? `\`${older}\`` : `default \`${older}\` for 2013 and 2015, \`${newer}\` for 2019 and SE`;
}

test.each([
  ['edge.md', ServerRole.EDGE],
  ['director-mediation-voice.md', ServerRole.DIRECTOR],
  ['director-mediation-voice.md', ServerRole.MEDIATION],
  ['persistent-chat.md', ServerRole.PERSISTENT_CHAT],
  ['persistent-chat.md', ServerRole.BACK_END],
])('docs/%s states the default size of the %s role, and that lab mode uses the lab size', (file, role) => {
  expect(doc(file)).toContain(stated(role));
  expect(doc(file)).toMatch(/in lab mode the lab size of (the|each) role/);
});
