import assert from "node:assert/strict";
import { answeredPolicy } from "../../../provider/core/operations/answeredPolicy";

const SERVICE = { id: "p1", createdDateTime: "c", modifiedDateTime: "m" };

describe("answeredPolicy", () => {
    it("completes a complete answer with the navigation properties that were sent", () => {
        const questions = [{ id: "q1" }];
        const sent = { displayName: "n", accessPackage: { id: "ap" }, questions };
        assert.deepEqual(answeredPolicy(sent, { ...SERVICE, displayName: "n" }), {
            ...SERVICE,
            displayName: "n",
            accessPackage: { id: "ap" },
            questions,
            customExtensionStageSettings: undefined,
        });
    });

    it("keeps what the answer expanded itself", () => {
        const answered = { ...SERVICE, accessPackage: { id: "AP" } };
        assert.deepEqual(answeredPolicy({ accessPackage: { id: "ap" } }, answered, "cat")?.accessPackage, { id: "AP" });
    });

    it("declines an answer that lacks a property the service sets or one that was sent with a value", () => {
        assert.equal(answeredPolicy({}, { id: "p1", createdDateTime: "c" }), undefined);
        assert.equal(answeredPolicy({ description: "d" }, { ...SERVICE, description: null }), undefined);
        assert.notEqual(answeredPolicy({ description: null }, SERVICE), undefined);
    });

    it("declines what is not an object", () => {
        for (const answer of [undefined, null, "text", [SERVICE]]) {
            assert.equal(answeredPolicy({}, answer), undefined);
        }
    });
});
