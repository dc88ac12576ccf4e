/**
 * On-demand module `pipeline` (built to onDemand_pipeline.html, loaded by src/server/onDemand.ts only when one of
 * these runs): the Pipeline rebuild and the board's data. It bundles its own copy of everything it uses and runs
 * each entry point whole (access, lock, core, error mapping), so only plain JSON-able values cross to Code.js.
 */

export { getPipelineBoard } from '../server/board';
export { showPipelineSummary } from '../server/menuActions';
export { rebuildPipelineSummary } from '../server/pipeline';
