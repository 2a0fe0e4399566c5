// One promise inference per analysed document, shared by the rules of the same analysis (the engine
// hands every check the same document object), with cross-file answers from the workspace.
import type { CheckContext, SourceDocument } from '../../../engine/types';
import { PromiseInference } from './promise-inference';
import { workspaceLookup } from './workspace-lookup';

const inferences = new WeakMap<SourceDocument, PromiseInference>();

export function inferenceFor(context: CheckContext): PromiseInference {
  let inference = inferences.get(context.document);
  if (!inference) inferences.set(context.document, (inference = new PromiseInference(workspaceLookup(context))));
  return inference;
}
