import assert from "node:assert/strict";
import { useEmulator } from "./support";

const USER = "7f4c2a10-1111-4e6b-9a55-0000000000a1";
const GROUP = "7f4c2a10-2222-4e6b-9a55-0000000000b2";
const EMPTY_GROUP = "7f4c2a10-3333-4e6b-9a55-0000000000c3";
const MISSING = "7f4c2a10-9999-4e6b-9a55-0000000000ff";

describe("emulator: /users and /groups", () => {
    const graph = useEmulator();

    beforeEach(async () => {
        await graph.emulator.admin.reset();
        await graph.emulator.admin.seed("users", { id: USER, displayName: "Adele Vance", userPrincipalName: "adele@contoso.example" });
        await graph.emulator.admin.seed("groups", { id: GROUP, displayName: "Approvers", memberIds: [USER] });
        await graph.emulator.admin.seed("groups", { id: EMPTY_GROUP, displayName: "Nobody" });
    });

    it("serves a seeded user with Graph's default properties and context", async () => {
        const { status, body } = await graph.call("GET", `/v1.0/users/${USER}`);
        assert.equal(status, 200);
        assert.equal(body["@odata.context"], `${graph.emulator.url}/v1.0/$metadata#users/$entity`);
        assert.deepEqual(Object.keys(body).slice(1), [
            "id",
            "businessPhones",
            "displayName",
            "givenName",
            "jobTitle",
            "mail",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "surname",
            "userPrincipalName",
        ]);
        assert.equal(body.userPrincipalName, "adele@contoso.example");
    });

    it("answers a missing user or group with the directory's 404 body", async () => {
        for (const path of [`/v1.0/users/${MISSING}`, `/v1.0/groups/${MISSING}`, `/v1.0/groups/${MISSING}/members`]) {
            const { status, body } = await graph.call("GET", path);
            assert.equal(status, 404, path);
            assert.equal(body.error.code, "Request_ResourceNotFound");
            assert.equal(
                body.error.message,
                `Resource '${MISSING}' does not exist or one of its queried reference-property objects are not present.`,
            );
            assert.ok(body.error.innerError["request-id"], "innerError carries the request id");
        }
    });

    it("lists a group's members as directory objects with @odata.type, honouring $select and $top", async () => {
        const { status, body } = await graph.call("GET", `/v1.0/groups/${GROUP}/members?$select=id&$top=1`);
        assert.equal(status, 200);
        assert.equal(body["@odata.context"], `${graph.emulator.url}/v1.0/$metadata#directoryObjects(id)`);
        assert.deepEqual(body.value, [{ "@odata.type": "#microsoft.graph.user", id: USER }]);
        assert.deepEqual((await graph.call("GET", `/v1.0/groups/${EMPTY_GROUP}/members`)).body.value, []);
    });

    it("drops a deleted user from the groups it was in", async () => {
        await graph.emulator.admin.remove("users", USER);
        assert.equal((await graph.call("GET", `/v1.0/users/${USER}`)).status, 404);
        assert.deepEqual((await graph.call("GET", `/v1.0/groups/${GROUP}/members`)).body.value, []);
    });

    it("refuses a seed with a member id that is not a GUID", async () => {
        await assert.rejects(graph.emulator.admin.seed("groups", { displayName: "Bad", memberIds: ["adele"] }), /memberIds\[0\]/);
    });
});
