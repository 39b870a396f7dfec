/** The provider's types: plain wire types with Graph's names. */
export type * from "./enums";
export type * from "./graphTypeTag";
export type * from "./subjectSets";
export type * from "./questions";
export type * from "./policySettings";
export type * from "./policy";
export type * from "./writtenInputs";
