/**
 * Compile-time proof that the provider's wire types are bodies Graph's own typings accept: if a property is renamed
 * or retyped away from `@microsoft/microsoft-graph-types`, this module stops compiling. It emits no runtime code.
 * Those typings (2.43.1) predate some scopes (`allDirectoryAgentIdentities`), so members they lack are set aside here
 * ({@link PredatingTypings}); the oracle test holds every member to Microsoft's current generated v1.0 models instead.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import type { PredatingTypings } from "./enums";
import type { GraphPolicy } from "./policy";
import type { Question } from "./questions";
import type { ApprovalStage, CustomExtensionStageSetting, ReviewSettings } from "./policySettings";
import type { SubjectSet } from "./subjectSets";

type Assert<T extends true> = T;
type IsAssignable<From, To> = [From] extends [To] ? true : false;

export type GraphCompatibility = [
    Assert<IsAssignable<PredatingTypings<GraphPolicy>, Graph.AccessPackageAssignmentPolicy>>,
    Assert<IsAssignable<ApprovalStage, Graph.AccessPackageApprovalStage>>,
    Assert<IsAssignable<ReviewSettings, Graph.AccessPackageAssignmentReviewSettings>>,
    Assert<IsAssignable<Question, Graph.AccessPackageQuestion>>,
    Assert<IsAssignable<CustomExtensionStageSetting, Graph.CustomExtensionStageSetting>>,
    Assert<IsAssignable<Extract<SubjectSet, { "@odata.type": "#microsoft.graph.singleUser" }>, Graph.SingleUser>>,
    Assert<IsAssignable<Extract<SubjectSet, { "@odata.type": "#microsoft.graph.targetManager" }>, Graph.TargetManager>>,
];
