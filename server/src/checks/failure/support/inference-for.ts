// One promise inference per analysed document, shared by the rules of the same analysis (the engine
// hands every check the same document object), with cross-file answers from the workspace.
import type { CheckContext, SourceDocument } from '../../../engine/types';
import { PromiseInference } from './promise-inference';
import { workspaceLookup } from './workspace-lookup';

// The last document's only, in a plain variable rather than a WeakMap from documents: the inference
// holds its context, which holds the document, and a WeakMap entry whose value reaches its own key
// survives every scavenge until a full collection, so each keystroke's document and text were promoted.
let last: { document: SourceDocument; inference: PromiseInference } | undefined;

export function inferenceFor(context: CheckContext): PromiseInference {
  if (last?.document !== context.document) last = { document: context.document, inference: new PromiseInference(workspaceLookup(context)) };
  return last.inference;
}
