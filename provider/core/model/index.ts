/** The provider's model: validation and canonicalisation, mapping to and from Graph, and diff. */
export { checkPolicy, type CheckResult } from "./checkPolicy";
export type { CanonicalOutputs, CanonicalPolicy } from "./canonicalPolicy";
export { asChecked } from "./canonicalPolicy";
export { asSdkPolicy, toGraphBody } from "./graphBody";
export { outputsFromGraph, inputsFromOutputs } from "./fromGraph";
export { declaredInputs } from "./declaredInputs";
export { diffCanonical, diffPolicy, type PolicyDiff } from "./diffPolicy";
export { UNKNOWN } from "./unknown";
export type { CheckFailure, GraphPolicy, PolicyInputs, PolicyOutputs } from "../types";
