/**
 * The ResourceProvider gRPC service of the azuread plugin double. It tells the engine it takes no secrets (so inputs
 * arrive plain, and the engine keeps an output secret wherever the input of the same name was, as it does for the
 * user's password) and has no preview (so a preview never reaches the emulator). Every changed input replaces the
 * object, so the engine never needs Update. Calls left out (GetSchema, Invoke, Update, ...) answer UNIMPLEMENTED.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { AZUREAD_RESOURCES, type AzureadResource, type Properties } from "./azureadResources";
import type { AzureadToken } from "./azureadTokens";
import { checkFailures } from "./checkFailures";
import { EmulatorTenant } from "./emulatorTenant";

type Handler<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

const NO_TENANT = "the azuread test double writes to the Graph emulator named by ENTRA_GRAPH_ENDPOINT and ENTRA_GRAPH_TOKEN; set both";

function unary<Req, Res>(answer: (request: Req) => Res | Promise<Res>): Handler<Req, Res> {
    return (call, callback) => {
        Promise.resolve()
            .then(() => answer(call.request))
            .then(
                (response) => callback(null, response),
                (error: unknown) =>
                    callback({ code: grpc.status.UNKNOWN, details: error instanceof Error ? error.message : String(error) }),
            );
    };
}

const plain = (struct: Struct | undefined): Properties => struct?.toJavaScript() ?? {};

/** The double's resource of a URN's type, or an error naming the type it does not model. */
function resourceOf(urn: string): AzureadResource {
    const type = urn.split("::")[2]?.split("$").pop() ?? "";
    const resource = AZUREAD_RESOURCES[type as AzureadToken];
    if (resource === undefined) throw new Error(`the azuread test double does not model ${type}`);
    return resource;
}

function tenant(): EmulatorTenant {
    const found = EmulatorTenant.fromEnvironment();
    if (found === undefined) throw new Error(NO_TENANT);
    return found;
}

function checkConfig(request: provproto.CheckRequest): provproto.CheckResponse {
    const response = new provproto.CheckResponse().setInputs(request.getNews());
    if (EmulatorTenant.fromEnvironment() === undefined) response.setFailuresList([new provproto.CheckFailure().setReason(NO_TENANT)]);
    return response;
}

function check(request: provproto.CheckRequest): provproto.CheckResponse {
    const failures = checkFailures(resourceOf(request.getUrn()), plain(request.getNews()));
    return new provproto.CheckResponse()
        .setInputs(request.getNews())
        .setFailuresList(failures.map(({ property, reason }) => new provproto.CheckFailure().setProperty(property).setReason(reason)));
}

/** Any input that changed replaces the object (compared with the inputs last applied). */
function diff(request: provproto.DiffRequest): provproto.DiffResponse {
    const olds = plain(request.hasOldInputs() ? request.getOldInputs() : request.getOlds());
    const news = plain(request.getNews());
    const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
        (name) => JSON.stringify(olds[name]) !== JSON.stringify(news[name]),
    );
    const { DIFF_SOME, DIFF_NONE } = provproto.DiffResponse.DiffChanges;
    return new provproto.DiffResponse()
        .setChanges(changed.length > 0 ? DIFF_SOME : DIFF_NONE)
        .setDiffsList(changed)
        .setReplacesList(changed)
        .setDeletebeforereplace(false);
}

async function create(request: provproto.CreateRequest): Promise<provproto.CreateResponse> {
    const inputs = plain(request.getProperties());
    const { id, outputs } = await resourceOf(request.getUrn()).create(tenant(), inputs);
    return new provproto.CreateResponse().setId(id).setProperties(Struct.fromJavaScript({ ...inputs, ...outputs }));
}

/** The state as kept while the object exists; no id (gone from state) once it does not. */
async function read(request: provproto.ReadRequest): Promise<provproto.ReadResponse> {
    const state = plain(request.getProperties());
    const response = new provproto.ReadResponse();
    if (!(await resourceOf(request.getUrn()).exists(tenant(), request.getId(), state))) return response;
    return response.setId(request.getId()).setProperties(request.getProperties()).setInputs(request.getInputs());
}

async function remove(request: provproto.DeleteRequest): Promise<Empty> {
    await resourceOf(request.getUrn()).remove(tenant(), request.getId(), plain(request.getProperties()));
    return new Empty();
}

/** The service's handlers; `version` is the azuread version the double is installed as. */
export function azureadProviderService(version: string): grpc.UntypedServiceImplementation {
    return {
        getPluginInfo: unary(() => new plugproto.PluginInfo().setVersion(version)),
        checkConfig: unary(checkConfig),
        // The double reads no provider config (only the environment), so a config change never matters to it.
        diffConfig: unary(() => new provproto.DiffResponse().setChanges(provproto.DiffResponse.DiffChanges.DIFF_NONE)),
        configure: unary(() => new provproto.ConfigureResponse().setAcceptsecrets(false).setSupportspreview(false)),
        check: unary(check),
        diff: unary(diff),
        create: unary(create),
        read: unary(read),
        delete: unary(remove),
        cancel: unary(() => new Empty()),
    };
}
