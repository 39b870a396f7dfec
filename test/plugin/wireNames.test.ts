import assert from "node:assert/strict";
import { schemaName, withGraphNames, withSchemaNames } from "../../provider/plugin/wireNames";

describe("plugin: property names on the wire", function () {
    const graph = {
        displayName: "p",
        requestApprovalSettings: {
            stages: [{ primaryApprovers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: "a" }], escalationApprovers: [] }],
        },
        questions: [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: { "@odata.type": "x" } }],
        adopt: true,
        description: null,
    };
    const schema = {
        displayName: "p",
        requestApprovalSettings: {
            stages: [{ primaryApprovers: [{ odataType: "#microsoft.graph.singleUser", userId: "a" }], escalationApprovers: [] }],
        },
        questions: [{ odataType: "#microsoft.graph.accessPackageTextInputQuestion", text: { odataType: "x" } }],
        adopt: true,
        description: null,
    };

    it("names @odata.type odataType at every depth for the engine, and back to Graph's name on the way in", () => {
        assert.deepEqual(withSchemaNames(graph), schema);
        assert.deepEqual(withGraphNames(schema), graph);
    });

    it("leaves a Graph name that arrives as it is, and every other name alone", () => {
        assert.deepEqual(withGraphNames(graph), graph);
        assert.equal(schemaName("@odata.type"), "odataType");
        assert.equal(schemaName("displayName"), "displayName");
    });
});
