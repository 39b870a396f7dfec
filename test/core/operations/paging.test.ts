import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { listPages } from "../../../provider/core/operations/paging";
import { answer, graphError, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

const SUBJECT = { operation: "listing", scope: "in catalog c1" } as const;

describe("listPages", () => {
    it("follows @odata.nextLink through the transport's vetting until the last page", async () => {
        const { deps, sent } = scriptedDeps([
            answer(200, { value: [{ id: "a" }], "@odata.nextLink": "https://graph.test/v1.0/policies?$skiptoken=2" }),
            answer(200, { value: [{ id: "b" }, { id: "c" }] }),
        ]);
        const policies = await listPages(deps, "/policies", START + 1_000, SUBJECT);
        assert.deepEqual(
            policies.map((policy) => policy.id),
            ["a", "b", "c"],
        );
        assert.deepEqual(sent(), ["GET /policies", "GET /policies?$skiptoken=2"]);
    });

    it("stops when a next link comes round again, after reading each page once", async () => {
        const { deps, sent } = scriptedDeps([
            answer(200, { value: [], "@odata.nextLink": "https://graph.test/v1.0/p?page=2" }),
            answer(200, { value: [], "@odata.nextLink": "https://graph.test/v1.0/p?page=1" }),
        ]);
        await assert.rejects(listPages(deps, "/p?page=1", START + 1_000, SUBJECT), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.equal(error.code, "PagingStopped");
            assert.equal(error.attempts, 2);
            assert.match(
                error.message,
                /^listing access package assignment policies in catalog c1: .*repeats a page already read \(\/p\?page=1\)/,
            );
            return true;
        });
        assert.deepEqual(sent(), ["GET /p?page=1", "GET /p?page=2"]);
    });

    it("fails with Graph's error, and takes a page without a value array for an answer that is not Graph's", async () => {
        const refused = scriptedDeps([graphError(403, "Forbidden")]);
        await assert.rejects(listPages(refused.deps, "/p", START + 1_000, SUBJECT), /Graph returned 403 Forbidden: said Graph/);
        const odd = scriptedDeps([answer(200, { items: [] })]);
        await assert.rejects(listPages(odd.deps, "/p", START + 1_000, SUBJECT), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.equal(error.code, "NotGraphAnswer");
            assert.match(error.message, /an answer that is not a page of policies: status 200/);
            return true;
        });
    });
});
