/** The provider's types: plain wire types with Graph's names. */
export type * from "./enums";
export type * from "./subjectSets";
export type * from "./questions";
export type * from "./settings";
export type * from "./policy";
