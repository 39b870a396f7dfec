/**
 * The provider's core, which knows nothing of Pulumi: the policy model (types, check, canonical form, diff, Graph
 * body), the Graph client and the policy operations. The front doors (the dynamic provider in `../dynamic`, the
 * policy pack in `../policyPack`, the command line in `cli/`) are built on it; a test holds it free of `@pulumi/*`.
 *
 * @packageDocumentation
 */
export * from "./model";
export * from "./graph";
export * from "./operations";
export * from "./governance";
export type * from "./types";
