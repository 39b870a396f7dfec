/** The provider's model: validation and canonicalisation, mapping to and from Graph, and diff. */
export { checkPolicy } from "./checkPolicy";
export { toGraphBody } from "./graphBody";
export { outputsFromGraph, inputsFromOutputs } from "./fromGraph";
export { diffPolicy } from "./diffPolicy";
export { UNKNOWN } from "./unknown";
export type { CheckFailure, GraphPolicy, PolicyInputs, PolicyOutputs } from "../types";
