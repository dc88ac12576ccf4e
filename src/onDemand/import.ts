/**
 * On-demand module `import` (built to onDemand_import.html, loaded by src/server/onDemand.ts only when one of these
 * runs): the Import tab's mapping proposal and its batches. It bundles its own copy of everything it uses and runs
 * each entry point whole (access, lock, core, error mapping), so only plain JSON-able values cross to Code.js.
 */

export { importCustomers, proposeImportMapping } from '../server/import';
