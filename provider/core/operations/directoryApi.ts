/**
 * Directory look-ups for the governance checks that need the tenant (`lint`): whether a user or group a policy names
 * still exists, and whether a group has members. Same transport, credentials, retries and redaction as the policy
 * operations.
 */
import type { PolicyRef } from "../graph/transport/graphRequestError";
import { toGraphRequestError } from "../graph/transport/toGraphRequestError";
import { createGraphTransport, type GraphCallResult } from "../graph/transport/graphTransport";
import { queryString } from "../graph/transport/odata";
import type { GraphSettings } from "../graph/config/graphSettings";

/** What Graph says about a group. */
export type GroupState = { exists: false } | { exists: true; hasMembers: boolean };

/** Reads users and groups; each call is one or two GETs within `deadline`. */
export interface DirectoryApi {
    /** Whether `/users/{id}` exists. */
    userExists(id: string, deadline: number, about?: PolicyRef): Promise<boolean>;
    /** Whether `/groups/{id}` exists and has at least one member. */
    group(id: string, deadline: number, about?: PolicyRef): Promise<GroupState>;
}

const PERMISSION_HINT =
    "Reading users and groups needs the Microsoft Graph permissions User.Read.All and GroupMember.Read.All (or Directory.Read.All).";

/** Creates the look-ups; `fetch` replaces the global one (tests). */
export function createDirectoryApi(settings: GraphSettings, options: { fetch?: typeof fetch } = {}): DirectoryApi {
    const transport = createGraphTransport(settings, {
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        random: Math.random,
        fetch: options.fetch,
    });

    /** The body of a 200, `undefined` for a 404, and an error naming the object for anything else. */
    async function read(
        path: string,
        deadline: number,
        what: string,
        about: PolicyRef | undefined,
    ): Promise<{ value?: unknown[] } | undefined> {
        const result: GraphCallResult = await transport.send({ method: "GET", path, deadline });
        if (result.kind === "response" && result.status === 404) {
            return undefined;
        }
        if (result.kind === "response" && result.status === 200) {
            return result.body as { value?: unknown[] };
        }
        throw toGraphRequestError(
            result,
            { operation: "reading", policy: about, scope: `looking up ${what}` },
            transport.redact,
            PERMISSION_HINT,
        );
    }

    const select = queryString({ $select: "id" });
    return {
        async userExists(id, deadline, about) {
            return (await read(`/users/${encodeURIComponent(id)}${select}`, deadline, `user ${id}`, about)) !== undefined;
        },
        async group(id, deadline, about) {
            const path = `/groups/${encodeURIComponent(id)}`;
            if ((await read(`${path}${select}`, deadline, `group ${id}`, about)) === undefined) {
                return { exists: false };
            }
            // One member answers the question; a 404 here means the group went away between the two reads.
            const members = await read(
                `${path}/members${queryString({ $select: "id", $top: "1" })}`,
                deadline,
                `the members of group ${id}`,
                about,
            );
            return members === undefined ? { exists: false } : { exists: true, hasMembers: (members.value ?? []).length > 0 };
        },
    };
}
