import { runGroup } from './run';

runGroup(__filename);
