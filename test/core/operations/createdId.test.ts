import assert from "node:assert/strict";
import { createdId } from "../../../provider/core/operations/createdId";
import { answer, dropped } from "../../support/fakes/scriptedDeps";

describe("createdId", () => {
    it("takes the id of the policy a 200 or 201 carries", () => {
        assert.equal(createdId(answer(201, { id: "p1" })), "p1");
        assert.equal(createdId(answer(200, { id: "p1" })), "p1");
    });

    it("takes the id from the Location of a 201 whose body did not arrive whole, in either of Graph's forms", () => {
        const location = (value: string) => answer(201, '{"id":"p', { location: value });
        assert.equal(
            createdId(location("https://graph.test/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/p%201")),
            "p 1",
        );
        assert.equal(
            createdId(location("https://graph.test/v1.0/identityGovernance/entitlementManagement/assignmentPolicies('p2')")),
            "p2",
        );
    });

    it("gives no id for another status, an answer that is not Graph's, a failure, or a 200 with a Location", () => {
        assert.equal(createdId(answer(409, { id: "p1" })), undefined);
        assert.equal(createdId({ ...answer(201, { id: "p1" }), foreign: "a proxy's page" }), undefined);
        assert.equal(createdId(dropped()), undefined);
        assert.equal(createdId(answer(200, "", { location: "/assignmentPolicies/p3" })), undefined);
    });
});
