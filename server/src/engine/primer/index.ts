// The primer for a fresh AI session (`shipshape primer`, the editor's context-reset prompt).
export { buildPrimer, testCommandOf, MAX_FINDINGS, type Primer, type PrimerInput } from './build';
export { architectureConstraints, ruleConstraints, type PrimerConstraint } from './constraints';
export { renderPrimer, instructionFileText, PRIMER_FORMATS, INSTRUCTION_FILES, CURSOR_FRONT_MATTER, type PrimerFormat } from './render';
export { upsertMarkedBlock, MarkedBlockError, BLOCK_BEGIN, BLOCK_END } from './marked-block';
