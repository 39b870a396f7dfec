/**
 * Mocks for the lifecycle program's `@pulumi/azuread` resources. They stand for the azuread provider by finding or
 * creating the catalog and the access package in the emulator named by `LIFECYCLE_EMULATOR_URL` (through its admin
 * API, so the Graph request log holds only what the policy provider sent). Like the engine, a preview knows the id
 * of what already exists and leaves the id of anything new unknown.
 */
import * as pulumi from "@pulumi/pulumi";
import { EmulatorAdminClient } from "../../../../emulator";

/** The environment variable naming the emulator root URL. */
export const EMULATOR_URL_ENV = "LIFECYCLE_EMULATOR_URL";

const COLLECTIONS = {
    "azuread:index/accessPackageCatalog:AccessPackageCatalog": "catalogs",
    "azuread:index/accessPackage:AccessPackage": "accessPackages",
} as const;

type MockedType = keyof typeof COLLECTIONS;

async function findOrCreate(type: MockedType, inputs: Record<string, string>): Promise<string | undefined> {
    const admin = new EmulatorAdminClient(process.env[EMULATOR_URL_ENV] as string);
    const collection = COLLECTIONS[type];
    const existing = (await admin.list(collection)).find((record) => record.properties.displayName === inputs.displayName);
    if (existing || pulumi.runtime.isDryRun()) return existing?.id;
    const body =
        collection === "catalogs"
            ? { displayName: inputs.displayName, description: inputs.description }
            : { displayName: inputs.displayName, description: inputs.description, catalog: { id: inputs.catalogId } };
    return (await admin.seed(collection, body)).id;
}

export const mocks: pulumi.runtime.Mocks = {
    async newResource(args) {
        if (!(args.type in COLLECTIONS)) throw new Error(`unexpected resource ${args.type}`);
        const id = await findOrCreate(args.type as MockedType, args.inputs);
        return { id, state: id === undefined ? {} : { ...args.inputs, objectId: id } };
    },
    call(args) {
        throw new Error(`unexpected call ${args.token}`);
    },
};
