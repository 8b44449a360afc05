/**
 * The only module that imports cdktf (tests and the jest setup aside). A move to CDK Terrain
 * (cdktn) is a rename here.
 */
export {
  Annotations,
  App,
  Aspects,
  Fn,

  TerraformOutput,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect } from 'cdktf';
