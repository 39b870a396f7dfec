/**
 * Declares one access package assignment policy per entry of the stack config `reliability:policies`, a JSON array
 * of `{ name, args }`, so each test states its stack in config and one project serves every scenario. Imported by
 * package name, as a user's program does, so the host loads the compiled provider.
 */
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy, type AccessPackageAssignmentPolicyArgs } from "pulumi-entra-assignment-policy";

interface DeclaredPolicy {
    name: string;
    args: AccessPackageAssignmentPolicyArgs;
}

const declared = new pulumi.Config().requireObject<DeclaredPolicy[]>("policies");

export const ids = declared.map(({ name, args }) => new AccessPackageAssignmentPolicy(name, args).id);
