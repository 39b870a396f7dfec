/**
 * Request bodies exactly as documented: seeds 000/004 (the PUT page) and the v1.0 create page
 * (microsoft-graph-docs-contrib api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md), read from
 * `test/fixtures/graph-docs/`, with the ids of the objects each body refers to.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { WireJson } from "./support";

type DocumentedBody = Record<string, WireJson>;

const GRAPH_DOCS = path.join(__dirname, "..", "fixtures", "graph-docs");

function documented(file: string): DocumentedBody {
    return JSON.parse(fs.readFileSync(path.join(GRAPH_DOCS, file), "utf8"));
}

/** A documented body and the access package it names (the beta-shaped example names it `accessPackageId`). */
function example(file: string): { accessPackageId: string; body: DocumentedBody } {
    const body = documented(file);
    return { accessPackageId: body.accessPackage?.id ?? body.accessPackageId, body };
}

/** Seed 000: PUT "All Users". */
export const SEED_000_ALL_USERS = { ...example("seed-000-all-users.json"), policyId: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187" };

/** Seed 004 example 2: PUT removing every custom extension stage (with the page's beta-era property names). */
export const SEED_004_REMOVE_STAGES = {
    ...example("seed-004-example2-beta-shaped.json"),
    policyId: "5540a08f-8ab5-43f6-a923-015275799197",
};

/** Seed 004 example 3: PUT setting a custom extension at `assignmentRequestCreated`. */
export const SEED_004_SET_STAGE = {
    ...example("seed-004-custom-extension-at-request-created.json"),
    customExtensionId: "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476",
};

/** Create page example 1: a direct-assignment policy. */
export const CREATE_DIRECT_ASSIGNMENT = example("create-e1-direct-assignment.json");

/** Create page example 2: external users, two approval stages and access reviews. */
export const CREATE_EXTERNAL_TWO_STAGES = example("create-e2-external-two-stages-reviews.json");

/** Create page example 3: an automatic assignment policy. */
export const CREATE_AUTO_ASSIGNMENT = example("create-e3-auto-assignment.json");

/** Create page example 4: a policy with text and multiple-choice questions. */
export const CREATE_WITH_QUESTIONS = example("create-e4-questions.json");
