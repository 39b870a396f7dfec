/**
 * The governance suite's program: one policy for the users of a connected organization on the access package
 * `governance:accessPackageId`. `governance:variant` picks it: `compliant` passes every rule; `violating` is the
 * issue's example, a policy whose external users' assignments never expire and are never reviewed.
 */
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";
import { compliantExternalPolicy, neverExpiringUnreviewed } from "../../support/governancePolicies";

const config = new pulumi.Config();
const body = config.require("variant") === "violating" ? neverExpiringUnreviewed() : compliantExternalPolicy();

export const policyId = new AccessPackageAssignmentPolicy("partners", { ...body, accessPackageId: config.require("accessPackageId") }).id;
