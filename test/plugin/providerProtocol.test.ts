import assert from "node:assert/strict";
import * as fs from "node:fs";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { ServiceError } from "@grpc/grpc-js";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { ACCESS_PACKAGE, graphCalls, POLICIES, POLICY, seedAccessPackage } from "../e2e/lifecycle/lifecycleStack";
import { SHORT_GRAPH_TIMINGS } from "../support/emulatorStackConfig";
import { call, startPlugin, struct, type Done, type RunningPlugin } from "./pluginClient";
import { SCHEMA_FILE } from "./schema/packageSchema";

const Kind = provproto.PropertyDiff.Kind;
const { DIFF_NONE, DIFF_SOME } = provproto.DiffResponse.DiffChanges;

describe("plugin: the ResourceProvider protocol, served by the compiled plugin", function () {
    let emulator: RunningGraphEmulator;
    let plugin: RunningPlugin;
    let accessPackageId: string;

    const policy = (): Record<string, unknown> => ({
        accessPackageId,
        displayName: "Protocol policy",
        description: "First",
        allowedTargetScope: "allMemberUsers",
        requestorSettings: { enableTargetsToSelfAddAccess: true },
        requestApprovalSettings: { isApprovalRequiredForAdd: false },
    });
    const check = async (news: Record<string, unknown>, olds: Record<string, unknown> = {}) => {
        const request = new provproto.CheckRequest().setOlds(struct(olds)).setNews(struct(news));
        return call((done: Done<provproto.CheckResponse>) => plugin.client.check(request, done));
    };
    const diff = (olds: Record<string, unknown>, news: Record<string, unknown>, oldInputs = olds) =>
        call((done: Done<provproto.DiffResponse>) =>
            plugin.client.diff(
                new provproto.DiffRequest().setId("x").setOlds(struct(olds)).setOldInputs(struct(oldInputs)).setNews(struct(news)),
                done,
            ),
        );
    const detailed = (response: provproto.DiffResponse): [string, provproto.PropertyDiff.Kind][] => {
        const paths: [string, provproto.PropertyDiff.Kind][] = [];
        response.getDetaileddiffMap().forEach((property, path) => paths.push([path, property.getKind()]));
        return paths;
    };

    /** Configures the plugin for the emulator, with short timings and `overrides`. */
    const configure = (overrides: Record<string, string> = {}) => {
        const settings = Object.fromEntries(Object.entries(SHORT_GRAPH_TIMINGS).map(([key, value]) => [key.slice("entra:".length), value]));
        const args = struct({ ...settings, graphEndpoint: emulator.url, token: emulator.token, ...overrides });
        return call((done: Done<provproto.ConfigureResponse>) =>
            plugin.client.configure(new provproto.ConfigureRequest().setArgs(args), done),
        );
    };

    before(async function () {
        emulator = await startGraphEmulator();
        accessPackageId = await seedAccessPackage(emulator, "protocol-package");
        plugin = await startPlugin();
        const configured = await configure();
        assert.equal(configured.getAcceptsecrets(), false);
        assert.equal(configured.getSupportspreview(), false);
    });
    beforeEach(() => emulator.admin.resetLog());
    after(async () => {
        plugin?.stop();
        await emulator?.close();
    });

    it("answers its version and the committed schema", async () => {
        const info = await call((done: Done<PluginInfo>) => plugin.client.getPluginInfo(new Empty(), done));
        assert.equal(info.getVersion(), (require("../../package.json") as { version: string }).version);
        const schema = await call((done: Done<provproto.GetSchemaResponse>) =>
            plugin.client.getSchema(new provproto.GetSchemaRequest(), done),
        );
        assert.deepEqual(JSON.parse(schema.getSchema()), JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")));
    });

    it("CheckConfig names the setting it cannot resolve; DiffConfig lists changed settings and never replaces", async () => {
        const checked = await call((done: Done<provproto.CheckResponse>) =>
            plugin.client.checkConfig(new provproto.CheckRequest().setNews(struct({ cloud: "mars" })), done),
        );
        assert.match(checked.getFailuresList()[0]?.getReason() ?? "", /entra:cloud/);
        const ok = await call((done: Done<provproto.CheckResponse>) =>
            plugin.client.checkConfig(new provproto.CheckRequest().setNews(struct({ cloud: "public" })), done),
        );
        assert.deepEqual(ok.getFailuresList(), []);

        const request = new provproto.DiffRequest()
            .setOlds(struct({ graphEndpoint: "a", cloud: "public" }))
            .setNews(struct({ graphEndpoint: "b", cloud: "public" }));
        const changed = await call((done: Done<provproto.DiffResponse>) => plugin.client.diffConfig(request, done));
        assert.equal(changed.getChanges(), DIFF_SOME);
        assert.deepEqual(changed.getDiffsList(), ["graphEndpoint"]);
        assert.deepEqual(changed.getReplacesList(), []);
    });

    it("Check answers canonical inputs, and failures that name the property path, without a Graph request", async () => {
        const checked = await check(policy());
        assert.deepEqual(checked.getFailuresList(), []);
        assert.deepEqual(checked.getInputs()?.toJavaScript().expiration, { type: "noExpiration" });

        const failed = await check({ ...policy(), expiration: { type: "afterDuration", duration: "P2X" } });
        assert.deepEqual(
            failed.getFailuresList().map((failure) => failure.getProperty()),
            ["expiration.duration"],
        );

        // A preview's value not known yet (another resource's output) passes through as Pulumi's unknown sentinel.
        const pending = await check({ ...policy(), accessPackageId: unknownValue });
        assert.deepEqual(pending.getFailuresList(), []);
        assert.equal(pending.getInputs()?.toJavaScript().accessPackageId, unknownValue);
        const olds = checked.getInputs()!.toJavaScript();
        const moved = await diff(olds, pending.getInputs()!.toJavaScript());
        assert.deepEqual(moved.getReplacesList(), ["accessPackageId"]);
        assert.deepEqual(await graphCalls(emulator), []);
    });

    it("Diff names the changed paths, marks accessPackageId as replacing, and finds no change where the core finds none", async () => {
        const olds = (await check(policy())).getInputs()!.toJavaScript();
        const changed = { ...olds, requestorSettings: { ...(olds.requestorSettings as object), enableTargetsToSelfAddAccess: false } };
        const update = await diff(olds, (await check(changed)).getInputs()!.toJavaScript());
        assert.equal(update.getChanges(), DIFF_SOME);
        assert.ok(update.getHasdetaileddiff());
        assert.deepEqual(detailed(update), [["requestorSettings.enableTargetsToSelfAddAccess", Kind.UPDATE]]);
        assert.deepEqual(update.getReplacesList(), []);

        const moved = await diff(olds, { ...olds, accessPackageId: "00000000-0000-0000-0000-000000000001" });
        assert.deepEqual(detailed(moved), [["accessPackageId", Kind.UPDATE_REPLACE]]);
        assert.deepEqual(moved.getReplacesList(), ["accessPackageId"]);

        const same = await diff(olds, olds);
        assert.equal(same.getChanges(), DIFF_NONE);
        assert.deepEqual(detailed(same), []);
        assert.deepEqual(await graphCalls(emulator), []);
    });

    it("creates, refreshes, imports by id (inputs that diff clean), updates and deletes with the dynamic provider's requests", async () => {
        const inputs = (await check(policy())).getInputs()!;
        const created = await call((done: Done<provproto.CreateResponse>) =>
            plugin.client.create(new provproto.CreateRequest().setProperties(inputs), done),
        );
        assert.deepEqual(await graphCalls(emulator), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
        const id = created.getId();
        const outputs = created.getProperties()!;

        await emulator.admin.resetLog();
        const refreshed = await call((done: Done<provproto.ReadResponse>) =>
            plugin.client.read(new provproto.ReadRequest().setId(id).setProperties(outputs), done),
        );
        assert.equal(refreshed.getId(), id);
        const imported = await call((done: Done<provproto.ReadResponse>) =>
            plugin.client.read(new provproto.ReadRequest().setId(id), done),
        );
        assert.deepEqual(await graphCalls(emulator), [`GET ${POLICY}`, `GET ${POLICY}`]);
        const importedInputs = (await check(imported.getInputs()!.toJavaScript())).getInputs()!.toJavaScript();
        assert.equal((await diff(imported.getProperties()!.toJavaScript(), importedInputs)).getChanges(), DIFF_NONE);
        assert.equal((await diff(imported.getProperties()!.toJavaScript(), inputs.toJavaScript())).getChanges(), DIFF_NONE);

        await emulator.admin.resetLog();
        const news = struct({ ...inputs.toJavaScript(), description: "Second" });
        const updated = await call((done: Done<provproto.UpdateResponse>) =>
            plugin.client.update(new provproto.UpdateRequest().setId(id).setOlds(outputs).setNews(news), done),
        );
        assert.equal(updated.getProperties()?.toJavaScript().description, "Second");
        assert.deepEqual(await graphCalls(emulator), [`PUT ${POLICY}`]);

        await emulator.admin.resetLog();
        await call((done: Done<Empty>) =>
            plugin.client.delete(new provproto.DeleteRequest().setId(id).setProperties(updated.getProperties()), done),
        );
        assert.deepEqual(await graphCalls(emulator), [`DELETE ${POLICY}`, `GET ${POLICY}`]);
        const gone = await call((done: Done<provproto.ReadResponse>) =>
            plugin.client.read(new provproto.ReadRequest().setId(id).setProperties(outputs), done),
        );
        assert.equal(gone.getId(), "");
    });

    it("bounds a write by the resource's customTimeouts, which the engine sends, instead of entra:operationTimeout", async () => {
        const inputs = (await check({ ...policy(), displayName: "Timed policy" })).getInputs()!;
        const created = await call((done: Done<provproto.CreateResponse>) =>
            plugin.client.create(new provproto.CreateRequest().setProperties(inputs), done),
        );
        const update = (description: string, timeoutSeconds: number) =>
            call((done: Done<provproto.UpdateResponse>) =>
                plugin.client.update(
                    new provproto.UpdateRequest()
                        .setId(created.getId())
                        .setOlds(created.getProperties())
                        .setNews(struct({ ...inputs.toJavaScript(), description }))
                        .setTimeout(timeoutSeconds),
                    done,
                ),
            );
        // Each PUT is answered after 2 s: within entra:requestTimeout (5 s) and entra:operationTimeout (15 s).
        const slow = await emulator.admin.addFault({ kind: "latency", ms: 2000, method: "PUT", pathRegex: "/assignmentPolicies/[^/]+$" });
        try {
            await assert.rejects(update("Cut short", 1), (error: ServiceError) => {
                assert.match(error.details, /updating access package assignment policy "Timed policy".*timed out after 1 attempt/);
                return true;
            });
            const updated = await update("Given time", 0);
            assert.equal(updated.getProperties()?.toJavaScript().description, "Given time");
        } finally {
            await emulator.admin.removeFault(slow.id);
        }
        await call((done: Done<Empty>) =>
            plugin.client.delete(new provproto.DeleteRequest().setId(created.getId()).setProperties(created.getProperties()), done),
        );
    });

    it("takes Graph's @odata.type as the schema's odataType: Graph's name in Graph's body, the schema's in and out", async () => {
        const approver = { odataType: "#microsoft.graph.requestorManager", managerLevel: 1 };
        const approval = {
            isApprovalRequiredForAdd: true,
            stages: [{ durationBeforeAutomaticDenial: "P2D", primaryApprovers: [approver] }],
        };
        const checked = await check({ ...policy(), displayName: "Approved policy", requestApprovalSettings: approval });
        assert.deepEqual(checked.getFailuresList(), []);
        const created = await call((done: Done<provproto.CreateResponse>) =>
            plugin.client.create(new provproto.CreateRequest().setProperties(checked.getInputs()), done),
        );
        const stage = (settings: unknown) => (settings as { stages: { primaryApprovers: Record<string, unknown>[] }[] }).stages[0];
        const stored = await emulator.admin.get("assignmentPolicies", created.getId());
        assert.equal(stage(stored?.properties.requestApprovalSettings).primaryApprovers[0]["@odata.type"], approver.odataType);
        const outputs = created.getProperties()!;
        assert.deepEqual(stage(outputs.toJavaScript().requestApprovalSettings).primaryApprovers[0], approver);
        await call((done: Done<Empty>) =>
            plugin.client.delete(new provproto.DeleteRequest().setId(created.getId()).setProperties(outputs), done),
        );
    });

    it("answers a create that leaves a policy in Graph but cannot finish as ErrorResourceInitFailed, carrying its id", async () => {
        // The POST's answer is lost, Graph's list lags, and the PUT that would take the create's mark off keeps failing.
        const faults = [
            await emulator.admin.addFault({
                kind: "drop",
                phase: "afterApply",
                method: "POST",
                pathRegex: "/assignmentPolicies$",
                times: 1,
            }),
            await emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: "/assignmentPolicies$", requests: 100_000 }),
            await emulator.admin.addFault({ kind: "serverError", status: 503, method: "PUT", pathRegex: "/assignmentPolicies/[^/]+$" }),
        ];
        await configure({ operationTimeout: "PT1S" });
        try {
            const inputs = (await check({ ...policy(), displayName: "Half-created policy" })).getInputs()!;
            const error = await call((done: Done<provproto.CreateResponse>) =>
                plugin.client.create(new provproto.CreateRequest().setProperties(inputs), done),
            ).then(
                () => assert.fail("the create succeeded"),
                (thrown: ServiceError) => thrown,
            );
            assert.match(error.details, /could not take \[pulumi-create [0-9a-f-]{36}\] off its description/);
            const [details] = error.metadata.get("grpc-status-details-bin");
            const [packed] = statusproto.Status.deserializeBinary(details as Buffer).getDetailsList();
            const failed = provproto.ErrorResourceInitFailed.deserializeBinary(packed.getValue_asU8());
            const created = (await emulator.admin.policies()).find((record) => record.properties.displayName === "Half-created policy");
            assert.equal(failed.getId(), created?.id);
            assert.equal(failed.getProperties()?.toJavaScript().accessPackageId, accessPackageId);
        } finally {
            for (const fault of faults) await emulator.admin.removeFault(fault.id);
            await configure();
        }
    });
});
